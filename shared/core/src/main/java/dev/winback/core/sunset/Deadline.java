package dev.winback.core.sunset;

import java.time.Instant;
import java.util.Objects;

/**
 * The instant at which, with no new event, the decision changes, and the reason: the action that
 * will then be due. A durable timer is armed with it; at {@code at} minus any amount nothing
 * changes. It may lie at or before the evaluation instant when a lift lands in a period that has
 * already run out; the timer should then fire at once.
 */
public record Deadline(Instant at, SunsetAction due) {

    public Deadline {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(due, "due");
    }
}
