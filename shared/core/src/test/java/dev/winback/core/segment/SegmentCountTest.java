package dev.winback.core.segment;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SegmentCountTest {

    @Test
    void theCountAtEachDaysEndIsTodaysLessTheChangesAfterIt() {
        LocalDate today = LocalDate.parse("2026-03-10");
        SegmentCount count = SegmentCount.of(12, new TreeMap<>(Map.of(today, 2L, today.minusDays(1), 5L,
                today.minusDays(3), -1L)), today.minusDays(3), today);
        assertEquals(new TreeMap<>(Map.of(today, 12L, today.minusDays(1), 10L, today.minusDays(2), 5L,
                today.minusDays(3), 5L)), count.byDay());
        assertEquals(12, count.members());
    }
}
