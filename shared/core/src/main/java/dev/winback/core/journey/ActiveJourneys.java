package dev.winback.core.journey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The journeys running now, each at its active version, and the catalog they read. Runs follow the
 * active version of their journey, so an operator's change applies from the next step; a run whose
 * step no longer exists, or whose journey is no longer active, ends.
 */
public record ActiveJourneys(Map<String, JourneyDefinition> definitions, ProductCatalog catalog) {

    public static final ActiveJourneys NONE = new ActiveJourneys(Map.of(), ProductCatalog.EMPTY);

    public ActiveJourneys {
        Objects.requireNonNull(catalog, "catalog");
        definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    }

    public static ActiveJourneys of(List<JourneyDefinition> definitions, ProductCatalog catalog) {
        Map<String, JourneyDefinition> byId = new LinkedHashMap<>();
        for (JourneyDefinition definition : definitions) {
            if (byId.putIfAbsent(definition.id(), definition) != null) {
                throw new IllegalArgumentException("journey " + definition.id() + " is active twice");
            }
        }
        return new ActiveJourneys(byId, catalog);
    }

    public Optional<JourneyDefinition> get(String journeyId) {
        return Optional.ofNullable(definitions.get(journeyId));
    }

    /**
     * The event types any active journey listens to (triggers, waits, exits, and profile updates
     * when a journey is armed by a birthday): ingestion hands only these to the journeys, so most
     * events cost the journeys nothing.
     */
    public java.util.Set<String> eventTypes() {
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (JourneyDefinition definition : definitions.values()) {
            switch (definition.trigger()) {
                case Trigger.OnEvent on -> types.add(on.match().eventType());
                case Trigger.Annual annual -> types.add("profile_updated");
            }
            definition.exitOn().forEach(match -> types.add(match.eventType()));
            for (Step step : definition.steps().values()) {
                if (step instanceof Step.WaitForEvent wait) types.add(wait.match().eventType());
            }
        }
        return java.util.Collections.unmodifiableSet(types);
    }
}
