package dev.winback.local.backtest.replay;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** The replay's calendar: weeks run Monday 00:00 UTC to the next Monday, as ISO weeks do. */
final class Weeks {

    private Weeks() {
    }

    /** The Monday that starts the week holding {@code at}. */
    static LocalDate weekOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Instant start(LocalDate week) {
        return week.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant end(LocalDate week) {
        return start(week.plusWeeks(1));
    }
}
