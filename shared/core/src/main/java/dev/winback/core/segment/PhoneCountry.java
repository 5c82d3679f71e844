package dev.winback.core.segment;

import java.util.Optional;

/** The country (ISO 3166 alpha-2) a phone number belongs to. A port: numbering plans are data. */
@FunctionalInterface
public interface PhoneCountry {

    /** Knows no numbering plan: a country comes from the profile alone. */
    PhoneCountry NONE = phone -> Optional.empty();

    Optional<String> of(String phoneNumber);
}
