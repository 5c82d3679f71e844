package dev.winback.core.journey;

import java.util.List;

/**
 * Hears what the journeys did once it is stored: entries, refusals, sends and exits, from ingestion
 * and from the timer alike, for counting (a demo's summary, metrics). Called after the write that
 * made them stick, so a retried call is not counted twice.
 */
@FunctionalInterface
public interface JourneyTransitions {

    JourneyTransitions NONE = transitions -> { };

    void stored(List<JourneyTransition> transitions);
}
