package dev.winback.core.journey;

import java.util.List;
import java.util.Objects;

/** An event of one contract type whose facts meet every condition: what triggers, wakes or ends a journey. */
public record EventMatch(String eventType, List<Condition> when) {

    public EventMatch {
        Objects.requireNonNull(eventType, "eventType");
        when = List.copyOf(when);
    }

    public static EventMatch of(String eventType) {
        return new EventMatch(eventType, List.of());
    }
}
