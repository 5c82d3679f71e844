package dev.winback.core.signal;

import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.model.AtRiskMoment;
import dev.winback.core.model.BgNbdModel;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.PurchaseHistory;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.record.EngagementRecord;

import dev.winback.core.record.Strength;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurchaseLapseTest {

    private static final SignalPolicy POLICY = SignalPolicy.defaults();
    private static final PurchaseModel MODEL = new BgNbdModel(BgNbdParameters.defaults());

    /** Bought every 30 days for a year: 13 purchase days, the last on day 360. */
    private static final EngagementRecord STEADY_BUYER = customer("steady")
            .purchases(day(0), Duration.ofDays(30), 13).record();

    @Test
    void detect_forASteadyBuyerWhoStopped_isAStrongLapseFromTheModelsAtRiskMoment() {
        Instant atRisk = AtRiskMoment.after(MODEL, new PurchaseHistory(12, day(0), day(360)), POLICY.purchaseRisk())
                .orElseThrow();

        assertThat(SignalDetector.detect(STEADY_BUYER, atRisk.minusSeconds(1), POLICY, MODEL)).isEmpty();
        assertThat(SignalDetector.detect(STEADY_BUYER, atRisk, POLICY, MODEL))
                .singleElement().isInstanceOfSatisfying(Signal.PurchaseLapse.class, lapse -> {
                    assertThat(lapse.since()).isEqualTo(atRisk);
                    assertThat(lapse.strength()).isEqualTo(Strength.STRONG);
                    assertThat(lapse.explanation()).startsWith("no purchase for ")
                            .contains("(last 2026-12-31) after 13 purchase days over 360 days; expects 0.20 purchases in the next 91 days "
                                    + "(at risk at 0.20 or fewer, since ");
                });
        assertThat(Duration.between(day(360), atRisk)).as("a silence of months, from the model")
                .isBetween(Duration.ofDays(120), Duration.ofDays(300));
    }

    @Test
    void detect_forAFreshOneTimeBuyer_isNothing() {
        EngagementRecord record = customer("fresh").purchase(day(0)).record();

        assertThat(SignalDetector.detect(record, day(10), POLICY, MODEL)).isEmpty();
    }

    @Test
    void detect_forAOneTimeBuyerLongGone_isAMediumLapse() {
        EngagementRecord record = customer("once").purchase(day(0)).record();

        assertThat(SignalDetector.detect(record, day(200), POLICY, MODEL))
                .singleElement().satisfies(lapse -> {
                    assertThat(lapse.strength()).isEqualTo(Strength.MEDIUM);
                    assertThat(lapse.explanation()).contains("after a single purchase day");
                });
    }

    @Test
    void detect_severalOrdersOnOneDay_areOnePurchaseDay() {
        EngagementRecord record = customer("one-day-basket")
                .purchase(day(0)).purchase(day(0).plusSeconds(7200)).record();
        Instant atRisk = AtRiskMoment.after(MODEL, new PurchaseHistory(0, day(0), day(0)), POLICY.purchaseRisk())
                .orElseThrow();

        assertThat(SignalDetector.detect(record, day(200), POLICY, MODEL))
                .singleElement().satisfies(lapse -> assertThat(lapse.since()).isEqualTo(atRisk));
    }

    @Test
    void detect_aRecentPurchaseEndsTheLapse() {
        EngagementRecord record = customer("came-back")
                .purchases(day(0), Duration.ofDays(30), 13).purchase(day(700)).record();

        assertThat(SignalDetector.detect(record, day(701), POLICY, MODEL)).isEmpty();
    }
}
