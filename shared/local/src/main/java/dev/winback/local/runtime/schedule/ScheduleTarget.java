package dev.winback.local.runtime.schedule;

import java.time.Instant;
import java.util.Optional;

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

    /**
     * A target whose runs only act on what {@code nextWork} reports as due (a due-time index). A run
     * takes its due work out, so {@code nextWork} reads again after each, failed or not.
     */
    static ScheduleTarget skippingIdle(ScheduleTarget target, NextWork nextWork) {
        return new ScheduleTarget() {
            @Override
            public void run(ScheduledRun run) throws Exception {
                try {
                    target.run(run);
                } finally {
                    nextWork.readAgain();
                }
            }

            @Override
            public Optional<Instant> nextWork() {
                return nextWork.get();
            }
        };
    }
}
