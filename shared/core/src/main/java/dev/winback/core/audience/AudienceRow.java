package dev.winback.core.audience;

import java.util.Objects;
import java.util.Optional;

/** One customer in an ad audience: the SHA-256 of their normalised email and phone, at least one. */
public record AudienceRow(Optional<String> emailSha256, Optional<String> phoneSha256) {

    public AudienceRow {
        Objects.requireNonNull(emailSha256, "emailSha256");
        Objects.requireNonNull(phoneSha256, "phoneSha256");
        if (emailSha256.isEmpty() && phoneSha256.isEmpty()) {
            throw new IllegalArgumentException("an audience row needs an email or a phone hash");
        }
    }
}
