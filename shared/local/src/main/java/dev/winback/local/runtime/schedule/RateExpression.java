package dev.winback.local.runtime.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(5 minutes)}: fires every period, counted from when the schedule was created (as
 * EventBridge does), here the moment the local runtime started. As in AWS, 1 takes the singular unit
 * and larger values the plural.
 */
public record RateExpression(Duration period) implements ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("(\\d+)\\s+(minute|minutes|hour|hours|day|days)");

    public RateExpression {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate period must be positive: " + period);
        }
    }

    static RateExpression parse(String expression, String body) {
        Matcher m = RATE.matcher(body);
        if (!m.matches()) {
            throw new InvalidScheduleException(expression, "expected rate(<value> minute[s]|hour[s]|day[s])");
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException(expression, "value too large");
        }
        String unit = m.group(2);
        boolean plural = unit.endsWith("s");
        if (value < 1) {
            throw new InvalidScheduleException(expression, "the value must be a positive whole number");
        }
        if (value == 1 && plural || value > 1 && !plural) {
            throw new InvalidScheduleException(expression, "AWS needs the singular unit for 1 and the plural for more");
        }
        Duration period = switch (plural ? unit.substring(0, unit.length() - 1) : unit) {
            case "minute" -> Duration.ofMinutes(value);
            case "hour" -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        };
        return new RateExpression(period);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant created) {
        if (after.isBefore(created)) {
            return Optional.of(created.plus(period));
        }
        long elapsedPeriods = Duration.between(created, after).dividedBy(period);
        return Optional.of(created.plus(period.multipliedBy(elapsedPeriods + 1)));
    }

    /** Arithmetic instead of stepping, so a year of rate(1 minute) costs nothing. */
    @Override
    public DueRuns dueBetween(Instant after, Instant until, Instant created) {
        long upTo = periodsUpTo(until, created);
        long before = periodsUpTo(after, created);
        long count = Math.max(0, upTo - before);
        return new DueRuns(count, count == 0 ? null : created.plus(period.multipliedBy(upTo)));
    }

    /** Firings in (created, t]. */
    private long periodsUpTo(Instant t, Instant created) {
        return t.isAfter(created) ? Duration.between(created, t).dividedBy(period) : 0;
    }
}
