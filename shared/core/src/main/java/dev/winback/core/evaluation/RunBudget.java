package dev.winback.core.evaluation;

import java.time.Clock;
import java.time.Instant;

/**
 * How long one evaluator run may go on. A run evaluates and publishes chunk by chunk and asks before
 * each chunk; what it leaves stays due, earliest first, for the next run. So a backlog takes several
 * runs instead of making every run time out before it publishes anything.
 */
@FunctionalInterface
public interface RunBudget {

    RunBudget UNLIMITED = () -> true;

    /** Whether another chunk may start. */
    boolean allowsAnotherChunk();

    /** Allows chunks to start until {@code stopAt} on {@code clock}. */
    static RunBudget until(Clock clock, Instant stopAt) {
        return () -> clock.instant().isBefore(stopAt);
    }
}
