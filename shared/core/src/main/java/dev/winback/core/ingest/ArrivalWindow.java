package dev.winback.core.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far ahead of its receipt an event may claim to have happened. Senders' clocks drift a little;
 * an event dated beyond that is refused rather than stored, because a future timestamp would win
 * every last-writer-wins register (a grant dated 2999 would outlast every opt-out) and would put
 * deadlines where no schedule reaches.
 */
public record ArrivalWindow(Duration maxAhead) {

    public static final ArrivalWindow DEFAULT = new ArrivalWindow(Duration.ofMinutes(5));

    public ArrivalWindow {
        Objects.requireNonNull(maxAhead, "maxAhead");
        if (maxAhead.isNegative()) throw new IllegalArgumentException("maxAhead must not be negative");
    }

    public boolean accepts(Instant occurredAt, Instant receivedAt) {
        return !occurredAt.isAfter(receivedAt.plus(maxAhead));
    }

    /** The reason given for a refused {@code occurredAt}, naming the allowed skew but not the value. */
    public String refusal() {
        return "must not be more than " + maxAhead.toSeconds() + " seconds after the time the event was received";
    }
}
