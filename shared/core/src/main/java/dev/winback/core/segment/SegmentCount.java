package dev.winback.core.segment;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many customers a segment has now, and how many it had at the end of each recent day (UTC).
 *
 * @param byDay members at the end of each day, oldest first (today: so far)
 */
public record SegmentCount(long members, SortedMap<LocalDate, Long> byDay) {

    public SegmentCount {
        byDay = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(byDay, "byDay")));
    }

    /**
     * From the count now and each day's net change: the count at the end of a day is today's less
     * every change made after that day.
     *
     * @param changes net entries less exits per day, for the days from {@code from} through {@code today}
     */
    public static SegmentCount of(long members, SortedMap<LocalDate, Long> changes, LocalDate from, LocalDate today) {
        SortedMap<LocalDate, Long> byDay = new TreeMap<>();
        long atEnd = members;
        for (LocalDate day = today; !day.isBefore(from); day = day.minusDays(1)) {
            byDay.put(day, atEnd);
            atEnd -= changes.getOrDefault(day, 0L);
        }
        return new SegmentCount(members, byDay);
    }
}
