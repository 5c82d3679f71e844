package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskRankingTest {

    private static final RiskFeatures SILENT = new RiskFeatures(30, 1, 20, 2, 0.1);
    private static final RiskFeatures LOYAL = new RiskFeatures(2, 6, 20, -1, 3);

    @Test
    void score_isTheLogOddsOfTheScaledFeatures() {
        RiskRanking ranking = new RiskRanking(List.of(RiskFeature.WEEKS_SINCE_LAST_PURCHASE, RiskFeature.REPEAT_PURCHASE_DAYS),
                new double[] {10, 1}, new double[] {5, 0.5}, 0.25, new double[] {0.8, -0.4});

        double expected = 0.25 + 0.8 * (30 - 10) / 5.0 - 0.4 * (Math.log1p(1) - 1) / 0.5;
        assertThat(ranking.score(SILENT)).isCloseTo(expected, within(1e-12));
        assertThat(ranking.probabilityOfLapse(SILENT)).isCloseTo(1 / (1 + Math.exp(-expected)), within(1e-12));
        assertThat(ranking.describe()).isEqualTo(
                "intercept=0.2500 weeks_since_last_purchase=0.8000 log1p_repeat_purchase_days=-0.4000");
    }

    @Test
    void purchaseModelOnly_ranksFewerExpectedPurchasesRiskier() {
        RiskRanking fallback = RiskRanking.purchaseModelOnly();

        assertThat(fallback.score(SILENT)).isGreaterThan(fallback.score(LOYAL));
        assertThat(fallback.score(SILENT)).isCloseTo(-Math.log(0.1), within(1e-12));
    }

    @Test
    void coefficient_ofAFeatureNotInTheRanking_isRejected() {
        assertThatThrownBy(() -> RiskRanking.purchaseModelOnly().coefficient(RiskFeature.MEAN_ORDER_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log1p_mean_order_value");
    }

    @Test
    void trainingSet_tooFewOutcomesOfEitherKind_fallsBackWithAReason() {
        List<Transaction> log = List.of(
                new Transaction("a", LocalDate.of(2024, 1, 1), java.math.BigDecimal.TEN),
                new Transaction("a", LocalDate.of(2024, 3, 1), java.math.BigDecimal.TEN),
                new Transaction("b", LocalDate.of(2024, 1, 5), java.math.BigDecimal.ONE));

        RiskRankingFit fit = RiskTrainingSet.from(log, LocalDate.of(2024, 3, 31), 13, PurchaseModelType.BG_NBD,
                FitSettings.defaults(), new Random(1)).fit(List.of(RiskFeature.WEEKS_SINCE_LAST_PURCHASE));

        assertThat(fit.fallbackReason()).hasValueSatisfying(reason -> assertThat(reason).contains("fewer than 20"));
        assertThat(fit.ranking()).isEqualTo(RiskRanking.purchaseModelOnly());
        assertThat(fit.innerCut()).isEqualTo(LocalDate.of(2024, 2, 15));
    }
}
