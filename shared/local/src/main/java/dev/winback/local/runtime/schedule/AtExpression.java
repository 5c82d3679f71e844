package dev.winback.local.runtime.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code at(2026-11-23T09:00:00)}: EventBridge Scheduler's one-time schedule, in the schedule's time zone. */
public record AtExpression(Instant at) implements ScheduleExpression {

    static AtExpression parse(String expression, String body, ZoneId zone) {
        try {
            return new AtExpression(LocalDateTime.parse(body).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidScheduleException(expression, "expected at(yyyy-mm-ddThh:mm:ss)");
        }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant created) {
        return at.isAfter(after) ? Optional.of(at) : Optional.empty();
    }
}
