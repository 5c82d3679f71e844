package dev.winback.core.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's journeys as stored: the state, the version a conditional write must find (0 when
 * nothing is stored yet) and the timer armed in the due index.
 */
public record StoredJourneys(CustomerJourneys journeys, long version, Optional<Instant> armed) {

    public StoredJourneys {
        Objects.requireNonNull(journeys, "journeys");
        Objects.requireNonNull(armed, "armed");
    }

    public static StoredJourneys absent(String customerId) {
        return new StoredJourneys(CustomerJourneys.empty(customerId), 0, Optional.empty());
    }
}
