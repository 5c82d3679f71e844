package dev.winback.local.backtest.replay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MessageLoadTest {

    static final LocalDate FIRST = LocalDate.parse("2024-01-01"); // a Monday
    static final LocalDate SECOND = FIRST.plusWeeks(1);

    static MessageLoad.Sent sent(String customerId, String at) {
        return new MessageLoad.Sent(customerId, Instant.parse(at));
    }

    @Test
    void countsPerWeekAndPerCustomerWeek_weeksRunMondayToMondayUtc() {
        MessageLoad load = MessageLoad.of(List.of(
                sent("c1", "2024-01-01T10:00:00Z"),
                sent("c1", "2024-01-07T23:59:59Z"),
                sent("c2", "2024-01-03T12:00:00Z"),
                sent("c1", "2024-01-08T00:00:00Z")), Map.of(FIRST, 2L, SECOND, 3L));

        assertThat(load.sentByWeek()).containsExactly(Map.entry(FIRST, 3L), Map.entry(SECOND, 1L));
        assertThat(load.sent()).isEqualTo(4);
        assertThat(load.customerWeeks()).isEqualTo(5);
        assertThat(load.perCustomerWeek()).isCloseTo(0.8, within(1e-12));
        // c1 got two in the first week; c2 one in the first, c1 one in the second.
        assertThat(load.weeksWithCount()).containsExactly(Map.entry(1, 2L), Map.entry(2, 1L));
        assertThat(load.maxInAWeek()).isEqualTo(2);
        assertThat(load.weeksWithAtLeast(2)).isEqualTo(1);
        assertThat(load.weeksWithAtLeast(1)).isEqualTo(3);
    }

    @Test
    void aWeekWithoutMessagesIsListedWithZero_andNobodyKnownMeansZeroPerCustomer() {
        MessageLoad load = MessageLoad.of(List.of(), Map.of(FIRST, 0L, SECOND, 4L));

        assertThat(load.sentByWeek()).containsExactly(Map.entry(FIRST, 0L), Map.entry(SECOND, 0L));
        assertThat(load.perCustomerWeek()).isZero();
        assertThat(load.maxInAWeek()).isZero();
        assertThat(MessageLoad.perCustomer(3, 2)).isEqualTo(1.5);
        assertThat(MessageLoad.perCustomer(1, 0)).isZero();
        assertThat(MessageLoad.of(List.of(), Map.of()).perCustomerWeek()).isZero();
    }
}
