package dev.winback.core.journey;

import java.util.Objects;

/** A definition as stored: the journey and the version number it was given. */
public record StoredVersion(String journeyId, int version) {

    public StoredVersion {
        Objects.requireNonNull(journeyId, "journeyId");
        if (version < 1) throw new IllegalArgumentException("versions count from 1");
    }
}
