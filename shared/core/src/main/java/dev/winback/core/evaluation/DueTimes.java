package dev.winback.core.evaluation;

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
     * What ingestion does with an armed timer: arm it when none is armed, move it earlier when the
     * record now changes sooner, and otherwise leave it. Ingestion never moves a timer later: that
     * would cost an index write on most events, while a timer that fires early costs one evaluation,
     * which re-arms it.
     *
     * @return the instant to arm, or empty to leave the timer as it is
     */
    public static Optional<Instant> onIngest(Optional<Instant> armed, Optional<Instant> next) {
        if (next.isEmpty()) return Optional.empty();
        if (armed.isPresent() && !next.get().isBefore(armed.get())) return Optional.empty();
        return next;
    }
}
