package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AtRiskMomentTest {

    private static final PurchaseModel MODEL = new BgNbdModel(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));
    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2024-06-01T09:30:00Z");
    private static final RiskThreshold UNDER_A_THIRD_IN_13_WEEKS = new RiskThreshold(Duration.ofDays(91), 0.3);

    @Test
    void after_scoreReachesTheThresholdThenAndWasAboveItBefore() {
        PurchaseHistory history = new PurchaseHistory(3, FIRST, LAST);

        Instant atRisk = AtRiskMoment.after(MODEL, history, UNDER_A_THIRD_IN_13_WEEKS).orElseThrow();

        assertThat(atRisk).isAfter(LAST);
        assertThat(expectedAt(history, atRisk)).isCloseTo(0.3, within(1e-6)).isLessThanOrEqualTo(0.3);
        for (Duration before : new Duration[] {Duration.ofMinutes(5), Duration.ofDays(1), Duration.between(LAST, atRisk)}) {
            assertThat(expectedAt(history, atRisk.minus(before))).as("%s before", before).isGreaterThan(0.3);
        }
        assertThat(PurchaseRisk.assess(MODEL, history.summaryAt(atRisk.plusSeconds(60)), 13).isAtRisk(UNDER_A_THIRD_IN_13_WEEKS)).isTrue();
    }

    @Test
    void after_frequentBuyerIsAtRiskSoonerThanAnOccasionalOne() {
        Instant frequent = AtRiskMoment.after(MODEL, new PurchaseHistory(12, FIRST, LAST), UNDER_A_THIRD_IN_13_WEEKS).orElseThrow();
        Instant occasional = AtRiskMoment.after(MODEL, new PurchaseHistory(3, FIRST, LAST), UNDER_A_THIRD_IN_13_WEEKS).orElseThrow();

        assertThat(frequent).isBefore(occasional);
    }

    @Test
    void after_alreadyAtRiskAtThePurchase_isThePurchaseItself() {
        RiskThreshold demanding = new RiskThreshold(Duration.ofDays(7), 5);

        assertThat(AtRiskMoment.after(MODEL, new PurchaseHistory(3, FIRST, LAST), demanding)).hasValue(LAST);
    }

    /** Under BG/NBD a one-time buyer cannot drop out, so their expectation decays only slowly. */
    @Test
    void after_thresholdNotReachedWithinTheCap_isEmpty() {
        RiskThreshold lenient = new RiskThreshold(Duration.ofDays(7), 1e-4);

        assertThat(AtRiskMoment.after(MODEL, new PurchaseHistory(0, FIRST, FIRST), lenient)).isEmpty();
        assertThat(AtRiskMoment.after(MODEL, new PurchaseHistory(3, FIRST, LAST), UNDER_A_THIRD_IN_13_WEEKS, Duration.ofDays(14)))
                .isEmpty();
    }

    @Test
    void after_worksForTheModifiedModelToo() {
        PurchaseModel modified = new ModifiedBgNbdModel(new BgNbdParameters(0.525, 6.183, 0.891, 1.614));
        PurchaseHistory oneTimeBuyer = new PurchaseHistory(0, FIRST, FIRST);
        RiskThreshold threshold = new RiskThreshold(Duration.ofDays(91), 0.2);

        Instant atRisk = AtRiskMoment.after(modified, oneTimeBuyer, threshold).orElseThrow();

        double expected = modified.expectedPurchases(oneTimeBuyer.summaryAt(atRisk), threshold.horizonWeeks());
        assertThat(expected).isCloseTo(0.2, within(1e-6));
    }

    private static double expectedAt(PurchaseHistory history, Instant when) {
        return MODEL.expectedPurchases(history.summaryAt(when), UNDER_A_THIRD_IN_13_WEEKS.horizonWeeks());
    }
}
