package dev.winback.core.settings;

import java.util.Objects;

/** A document as shipped in the artifact: its text and what it reads as. It runs until a stored version is activated. */
public record ShippedDocument<T>(String text, T value) {

    public ShippedDocument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
    }
}
