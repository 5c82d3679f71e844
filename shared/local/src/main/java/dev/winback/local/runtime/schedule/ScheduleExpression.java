package dev.winback.local.runtime.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An EventBridge / EventBridge Scheduler schedule expression: {@code rate(...)}, {@code cron(...)}
 * (the six-field AWS syntax) or {@code at(...)}.
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

    /** The first firing strictly after {@code after}, for a schedule that started at {@code created}. */
    Optional<Instant> nextAfter(Instant after, Instant created);

    /** The firings in {@code (after, until]}: how many, and the latest. */
    default DueRuns dueBetween(Instant after, Instant until, Instant created) {
        long count = 0;
        Instant latest = null;
        Optional<Instant> next = nextAfter(after, created);
        while (next.isPresent() && !next.get().isAfter(until)) {
            count++;
            latest = next.get();
            next = nextAfter(latest, created);
        }
        return new DueRuns(count, latest);
    }

    /** Parses an expression as written in a template; cron and at are read in {@code zone}. */
    static ScheduleExpression parse(String expression, ZoneId zone) {
        String trimmed = expression.trim();
        int open = trimmed.indexOf('(');
        if (open < 0 || !trimmed.endsWith(")")) {
            throw new InvalidScheduleException(expression, "expected rate(...), cron(...) or at(...)");
        }
        String kind = trimmed.substring(0, open).trim();
        String body = trimmed.substring(open + 1, trimmed.length() - 1).trim();
        return switch (kind) {
            case "rate" -> RateExpression.parse(expression, body);
            case "cron" -> CronExpression.parse(expression, body, zone);
            case "at" -> AtExpression.parse(expression, body, zone);
            default -> throw new InvalidScheduleException(expression, "unknown schedule kind \"" + kind
                    + "\"; expected rate, cron or at");
        };
    }

    /** How many firings fell in a window, and the latest of them (null when none). */
    record DueRuns(long count, Instant latest) {
        public boolean any() {
            return count > 0;
        }
    }
}
