package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationSplitTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    /** The published summary was built from the same log: our summaries must agree to its two decimals. */
    @Test
    void split_cdnowLog_reproducesThePublishedSummary() {
        List<CustomerOutcome> outcomes = CalibrationSplit.split(
                TransactionLogParser.parse(CdnowData.transactionLog()), CALIBRATION_END, LocalDate.of(1998, 6, 30));
        List<CustomerSummary> published = CdnowData.calibrationSummaries();

        assertThat(outcomes).hasSize(published.size());
        for (CustomerOutcome outcome : outcomes) {
            CustomerSummary expected = published.get(Integer.parseInt(outcome.customerId()) - 1);
            assertThat(outcome.calibration().frequency()).as(outcome.customerId()).isEqualTo(expected.frequency());
            assertThat(outcome.calibration().recency()).as(outcome.customerId()).isCloseTo(expected.recency(), within(0.0051));
            assertThat(outcome.calibration().age()).as(outcome.customerId()).isCloseTo(expected.age(), within(0.0051));
        }
    }

    @Test
    void split_countsPurchaseDaysAndHoldoutOutcomes() {
        List<Transaction> log = List.of(
                purchase("a", "1997-01-01"), purchase("a", "1997-01-01"), purchase("a", "1997-01-15"),
                purchase("a", "1997-09-30"), purchase("a", "1997-10-01"),
                purchase("b", "1997-03-01"), purchase("b", "1998-07-01"),
                purchase("c", "1997-10-02"));

        List<CustomerOutcome> outcomes = CalibrationSplit.split(log, CALIBRATION_END, LocalDate.of(1998, 6, 30));

        assertThat(outcomes).extracting(CustomerOutcome::customerId).containsExactly("a", "b");
        CustomerOutcome a = outcomes.get(0);
        assertThat(a.calibration()).isEqualTo(new CustomerSummary(2, 272 / 7.0, 272 / 7.0));
        assertThat(a.purchasedInHoldout()).isTrue();
        CustomerOutcome b = outcomes.get(1);
        assertThat(b.calibration()).isEqualTo(new CustomerSummary(0, 0, 213 / 7.0));
        assertThat(b.purchasedInHoldout()).as("bought after the holdout ended").isFalse();
    }

    private static Transaction purchase(String customer, String day) {
        return new Transaction(customer, LocalDate.parse(day), BigDecimal.ONE);
    }
}
