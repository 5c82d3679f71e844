package dev.winback.core.journey;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Instants at a local time in the customer's zone: the next time their clock shows a given hour,
 * the next birthday. A local time in a spring-forward gap moves later by the gap.
 */
public final class LocalTimes {

    private LocalTimes() {
    }

    /** The first instant at or after {@code from} at which the local time in the zone is {@code at}. */
    public static Instant nextAt(LocalTime at, ZoneId zone, Instant from) {
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < 3; i++) {
            Instant candidate = ZonedDateTime.of(day.plusDays(i), at, zone).toInstant();
            if (!candidate.isBefore(from)) return candidate;
        }
        throw new IllegalStateException("no local " + at + " within three days in " + zone);
    }

    /**
     * The first instant at or after {@code from} on the month-day (Feb 29 is Feb 28 in other years)
     * at the local time {@code at}.
     */
    public static Instant nextOn(MonthDay date, LocalTime at, ZoneId zone, Instant from) {
        int year = from.atZone(zone).getYear();
        for (int i = 0; i < 3; i++) {
            Instant candidate = ZonedDateTime.of(date.atYear(year + i), at, zone).toInstant();
            if (!candidate.isBefore(from)) return candidate;
        }
        throw new IllegalStateException("no " + date + " within three years");
    }

    /**
     * A birthday as profiles carry it: {@code MM-DD} or {@code YYYY-MM-DD} as the event contract
     * takes it, or ISO's {@code --MM-DD}; empty when it is none of them.
     */
    public static Optional<MonthDay> birthday(String value) {
        if (value == null) return Optional.empty();
        try {
            if (value.startsWith("--")) return Optional.of(MonthDay.parse(value));
            if (value.length() == 5) return Optional.of(MonthDay.parse("--" + value));
            return Optional.of(MonthDay.from(LocalDate.parse(value)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
