package dev.winback.local.runtime.schedule;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When a target's runs would next find work, empty when nothing is pending: what
 * {@link ScheduleTarget#skippingIdle} answers {@link ScheduleTarget#nextWork()} from. It may keep a
 * reading (one query per tick rather than one per question), which a run of its target makes stale.
 */
@FunctionalInterface
public interface NextWork extends Supplier<Optional<Instant>> {

    /** After each run of the target, which may have taken work out and added more. By default nothing is kept. */
    default void readAgain() {
    }
}
