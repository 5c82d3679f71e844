package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {

    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void summaryAt_measuresRecencyAndAgeInWeeksFromTheFirstPurchase() {
        PurchaseHistory history = new PurchaseHistory(2, FIRST, FIRST.plusSeconds(14 * 86_400));

        assertThat(history.summaryAt(FIRST.plusSeconds(21 * 86_400))).isEqualTo(new CustomerSummary(2, 2, 3));
    }

    @Test
    void summaryAt_beforeTheLastPurchase_isRejected() {
        PurchaseHistory history = new PurchaseHistory(1, FIRST, FIRST.plusSeconds(86_400));

        assertThatThrownBy(() -> history.summaryAt(FIRST)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_oneTimeBuyerWithALaterLastPurchase_isRejected() {
        assertThatThrownBy(() -> new PurchaseHistory(0, FIRST, FIRST.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
