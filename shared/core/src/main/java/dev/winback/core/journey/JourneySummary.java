package dev.winback.core.journey;

import java.util.Objects;
import java.util.Optional;

/**
 * A stored journey at a glance.
 *
 * @param latest the highest version stored (0 while the first is being written)
 * @param active the version that runs, empty when the journey is not active
 */
public record JourneySummary(String journeyId, int latest, Optional<Integer> active) {

    public JourneySummary {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(active, "active");
    }
}
