package dev.winback.core.journey;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The journeys running now, each at its active version, and the catalog they read. Runs follow the
 * active version of their journey, so an operator's change applies from the next step; a run whose
 * step no longer exists, or whose journey is no longer active, ends.
 */
public record ActiveJourneys(Map<String, JourneyDefinition> definitions, ProductCatalog catalog, Set<String> paused) {

    public static final ActiveJourneys NONE = new ActiveJourneys(Map.of(), ProductCatalog.EMPTY);

    /**
     * @param paused journeys their guardrail paused: they admit nobody new, and the runs already in
     *               them go on to their end (ending them would lose their place for good)
     */
    public ActiveJourneys {
        Objects.requireNonNull(catalog, "catalog");
        definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
        paused = Set.copyOf(paused);
    }

    public ActiveJourneys(Map<String, JourneyDefinition> definitions, ProductCatalog catalog) {
        this(definitions, catalog, Set.of());
    }

    /** The same journeys with these paused (a transactional journey is never paused). */
    public ActiveJourneys withPaused(Set<String> journeyIds) {
        return journeyIds.equals(paused) ? this : new ActiveJourneys(definitions, catalog, journeyIds);
    }

    /** Whether the journey admits nobody new: its guardrail paused it, and it is not transactional. */
    public boolean admitsNobody(JourneyDefinition definition) {
        return paused.contains(definition.id()) && definition.purpose() != dev.winback.core.event.Purpose.TRANSACTIONAL;
    }

    public static ActiveJourneys of(List<JourneyDefinition> definitions, ProductCatalog catalog) {
        Map<String, JourneyDefinition> byId = new LinkedHashMap<>();
        for (JourneyDefinition definition : definitions) {
            if (byId.putIfAbsent(definition.id(), definition) != null) {
                throw new IllegalArgumentException("journey " + definition.id() + " is active twice");
            }
        }
        return new ActiveJourneys(byId, catalog, Set.of());
    }

    public Optional<JourneyDefinition> get(String journeyId) {
        return Optional.ofNullable(definitions.get(journeyId));
    }

    /**
     * Whether some active journey listens to this event: its type is heard, and a profile update
     * matters only when it carries a birthday (other profile changes never move a journey).
     */
    public boolean hears(EngagementEvent event) {
        if (!eventTypes().contains(event.type())) return false;
        if (event.payload() instanceof EventPayload.ProfileUpdated profile) {
            return profile.birthday().isPresent() || listensTo(event.type());
        }
        return true;
    }

    /** Whether a journey names this type itself (a trigger, a wait or an exit), not only through a birthday. */
    private boolean listensTo(String type) {
        for (JourneyDefinition definition : definitions.values()) {
            if (definition.trigger() instanceof Trigger.OnEvent on && on.match().eventType().equals(type)) return true;
            if (definition.exitOn().stream().anyMatch(match -> match.eventType().equals(type))) return true;
            for (Step step : definition.steps().values()) {
                if (step instanceof Step.WaitForEvent wait && wait.match().eventType().equals(type)) return true;
            }
        }
        return false;
    }

    /**
     * The event types any active journey listens to (triggers, waits, exits, and profile updates
     * when a journey is armed by a birthday): ingestion hands only these to the journeys, so most
     * events cost the journeys nothing.
     */
    public Set<String> eventTypes() {
        Set<String> types = new TreeSet<>();
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
        return Collections.unmodifiableSet(types);
    }
}
