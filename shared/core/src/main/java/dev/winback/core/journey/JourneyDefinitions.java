package dev.winback.core.journey;

/**
 * The journeys to run now. Adapters read them from where an operator activates them and may cache
 * them briefly; a change takes effect at the latest when the cache expires.
 */
@FunctionalInterface
public interface JourneyDefinitions {

    ActiveJourneys active();

    static JourneyDefinitions of(ActiveJourneys journeys) {
        return () -> journeys;
    }
}
