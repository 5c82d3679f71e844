package dev.winback.core.outcome;

import java.time.Duration;
import java.time.Instant;

/**
 * How long after an exposure a purchase or a return visit counts as its conversion. One constant
 * for every unit for now; a unit's own window would be configured beside its holdout share.
 */
public final class ConversionWindow {

    public static final Duration LENGTH = Duration.ofDays(14);

    private ConversionWindow() {
    }

    /** The last instant of the window opened at {@code exposedAt}. */
    public static Instant endOf(Instant exposedAt) {
        return exposedAt.plus(LENGTH);
    }

    /** Whether two exposures fall within one window of each other. */
    public static boolean within(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(LENGTH) <= 0;
    }
}
