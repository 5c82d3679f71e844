package dev.winback.core.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Durable timers work in whole seconds. A deadline is rounded up, never down, so a timer never
 * fires before the change it stands for.
 */
public final class DueTimes {

    private DueTimes() {
    }

    public static Instant roundUp(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? instant : truncated.plusSeconds(1);
    }

    /**
     * How close to firing an armed timer must be for ingestion to move it later. Moving a timer costs
     * an index write (two units); a timer that fires for nothing costs a read, a record write and the
     * same index write. Far-off timers are left alone: more events usually come before they fire.
     */
    public static final Duration POSTPONE_WITHIN = Duration.ofDays(1);

    /**
     * What ingestion does with an armed timer: arm it when none is armed, move it earlier when the
     * record now changes sooner, move it later when it would otherwise fire within
     * {@link #POSTPONE_WITHIN} with nothing to do, and otherwise leave it. A timer left early costs
     * one evaluation when it fires, which re-arms it.
     *
     * @param next the record's exact next deadline after this write (now, when it has work)
     * @return the instant to arm, or empty to leave the timer as it is
     */
    public static Optional<Instant> onIngest(Optional<Instant> armed, Optional<Instant> next, Instant now) {
        if (next.isEmpty()) return Optional.empty();
        if (armed.isEmpty() || next.get().isBefore(armed.get())) return next;
        // A record with work now has next == roundUp(now): its timer stays as it is, due.
        boolean firesSoonForNothing = next.get().isAfter(armed.get()) && next.get().isAfter(roundUp(now))
                && armed.get().isBefore(now.plus(POSTPONE_WITHIN));
        return firesSoonForNothing ? next : Optional.empty();
    }

    /**
     * A record's timer includes the instant its segment membership could next change, so the
     * evaluator rewrites the record (and its membership) when time alone moves it.
     *
     * @return the earlier of the two, rounded up to the timer's whole second
     */
    public static Optional<Instant> earliest(Optional<Instant> deadline, Optional<Instant> segmentChange) {
        Optional<Instant> change = segmentChange.map(DueTimes::roundUp);
        if (deadline.isEmpty()) return change;
        if (change.isEmpty()) return deadline;
        return deadline.get().isAfter(change.get()) ? change : deadline;
    }
}
