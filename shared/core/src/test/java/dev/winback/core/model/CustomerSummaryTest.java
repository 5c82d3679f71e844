package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerSummaryTest {

    @Test
    void inWholeDays_roundsRecencyAndAgeToTheNearestDay() {
        CustomerSummary summary = new CustomerSummary(2, 3.0 / 7 + 0.4 / 7, 10.0 / 7 + 0.6 / 7);

        CustomerSummary rounded = summary.inWholeDays();

        assertThat(rounded).isEqualTo(new CustomerSummary(2, 3.0 / 7, 11.0 / 7));
    }

    @Test
    void inWholeDays_keepsRecencyWithinAgeAndOneTimeBuyersAtZero() {
        assertThat(new CustomerSummary(1, 1.49 / 7, 1.51 / 7).inWholeDays())
                .isEqualTo(new CustomerSummary(1, 1.0 / 7, 2.0 / 7));
        assertThat(new CustomerSummary(0, 0, 5.2 / 7).inWholeDays()).isEqualTo(new CustomerSummary(0, 0, 5.0 / 7));
    }

    @Test
    void inWholeDays_makesHistoriesOfTheSameDaysEqual() {
        CustomerSummary morning = new CustomerSummary(1, 2.0 / 7 + 0.1 / 7, 9.0 / 7 + 0.2 / 7);
        CustomerSummary evening = new CustomerSummary(1, 2.0 / 7 - 0.3 / 7, 9.0 / 7 + 0.4 / 7);

        assertThat(morning.inWholeDays()).isEqualTo(evening.inWholeDays());
    }
}
