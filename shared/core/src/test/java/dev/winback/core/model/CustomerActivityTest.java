package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerActivityTest {

    @Test
    void upTo_countsDaysOrdersAndSpendBeforeTheCutOnly() {
        List<Transaction> log = List.of(
                new Transaction("b", LocalDate.of(2024, 1, 3), new BigDecimal("4")),
                new Transaction("a", LocalDate.of(2024, 1, 1), new BigDecimal("10")),
                new Transaction("a", LocalDate.of(2024, 1, 1), new BigDecimal("5")),
                new Transaction("a", LocalDate.of(2024, 1, 15), new BigDecimal("-3")),
                new Transaction("a", LocalDate.of(2024, 2, 1), new BigDecimal("100")),
                new Transaction("c", LocalDate.of(2024, 2, 1), new BigDecimal("1")));

        List<CustomerActivity> activities = CustomerActivity.upTo(log, LocalDate.of(2024, 1, 29));

        assertThat(activities).extracting(CustomerActivity::customerId).containsExactly("a", "b");
        CustomerActivity a = activities.get(0);
        assertThat(a.purchaseDays()).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15));
        assertThat(a.orders()).isEqualTo(3);
        assertThat(a.meanOrderValue()).isCloseTo(4, within(1e-12));
        assertThat(a.summaryAt(LocalDate.of(2024, 1, 29))).isEqualTo(new CustomerSummary(1, 2, 4));
    }

    @Test
    void meanOrderValue_refundsBeyondPurchases_countAsNothing() {
        CustomerActivity refunded = CustomerActivity.upTo(
                List.of(new Transaction("a", LocalDate.of(2024, 1, 1), new BigDecimal("-8"))), LocalDate.of(2024, 1, 1)).get(0);

        assertThat(refunded.meanOrderValue()).isZero();
    }
}
