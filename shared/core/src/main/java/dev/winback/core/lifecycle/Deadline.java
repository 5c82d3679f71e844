package dev.winback.core.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * The next instant at which, with no new event, the customer's state or signals change, and what
 * changes then. A durable timer is armed with it; an event that arrives first supersedes it.
 */
public record Deadline(Instant at, String reason) {

    public Deadline {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
