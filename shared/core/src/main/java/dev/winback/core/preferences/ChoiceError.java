package dev.winback.core.preferences;

import java.util.Objects;

/**
 * Why one submitted choice was refused. {@code field} is the name the form and the JSON share
 * ({@code channels.sms}, {@code pausedUntil}); the message says what the field must be and never
 * repeats what it held.
 */
public record ChoiceError(String field, String message) {

    public ChoiceError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
