package dev.winback.core.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Purchase models count time in weeks, as the published fits do; conversions live here only. */
public final class ModelTime {

    public static final Duration WEEK = Duration.ofDays(7);
    private static final double NANOS_PER_WEEK = WEEK.toNanos();

    private ModelTime() {
    }

    public static double weeks(Duration duration) {
        return duration.toNanos() / NANOS_PER_WEEK;
    }

    public static double weeksBetween(Instant from, Instant to) {
        return weeks(Duration.between(from, to));
    }

    public static double weeksBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 7.0;
    }

    /** The duration of {@code weeks}, rounded up to the nanosecond so that it is never short. */
    public static Duration duration(double weeks) {
        return Duration.ofNanos((long) Math.ceil(weeks * NANOS_PER_WEEK));
    }
}
