package dev.winback.local.runtime.schedule;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Invokes a scheduled function locally: typically builds the event and calls the handler. */
@FunctionalInterface
public interface ScheduleTarget {

    void run(ScheduledRun run) throws Exception;

    /**
     * The earliest time at which a run would find work, empty when nothing is pending. A firing
     * before it would do nothing, so a tick may skip it; each run may create work, so a tick asks
     * again after every run. By default every firing may have work.
     */
    default Optional<Instant> nextWork() {
        return Optional.of(Instant.MIN);
    }

    /** A target whose runs only act on what {@code nextWork} reports as due (a due-time index). */
    static ScheduleTarget skippingIdle(ScheduleTarget target, Supplier<Optional<Instant>> nextWork) {
        return new ScheduleTarget() {
            @Override
            public void run(ScheduledRun run) throws Exception {
                target.run(run);
            }

            @Override
            public Optional<Instant> nextWork() {
                return nextWork.get();
            }
        };
    }
}
