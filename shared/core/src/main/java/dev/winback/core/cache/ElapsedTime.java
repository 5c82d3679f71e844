package dev.winback.core.cache;

import java.time.Clock;
import java.time.Instant;

/**
 * Time as it passes for the process, in nanoseconds from an arbitrary origin: what a cache's
 * freshness is measured in. Not the domain's clock, which a replay or a benchmark moves through days
 * of events in minutes: a definition read a minute ago is as fresh as the operator's last change,
 * whatever time the events it judges carry.
 */
@FunctionalInterface
public interface ElapsedTime {

    /** The process's monotonic time, as deployed. */
    ElapsedTime SYSTEM = System::nanoTime;

    long nanos();

    /**
     * Time as {@code clock} tells it: for a local runtime whose virtual days must see an operator's
     * change a virtual minute later, as a deployment sees it a minute later, and for tests.
     */
    static ElapsedTime following(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        };
    }
}
