package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CDNow backtest behind the choice of risk score (see {@link PurchaseRisk}). */
class BacktestTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static List<Transaction> log;
    private static BacktestReport report;

    @BeforeAll
    static void runBacktest() {
        log = TransactionLogParser.parse(CdnowData.transactionLog());
        report = Backtest.run(log, CALIBRATION_END, OptionalInt.empty(), PurchaseModelType.BG_NBD, FitSettings.defaults(), new Random(1));
    }

    @Test
    void run_cdnow_holdsOutTheRestOfTheLog() {
        assertThat(report.customers()).isEqualTo(2357);
        assertThat(report.holdoutEnd()).isEqualTo(LocalDate.of(1998, 6, 30));
        assertThat(report.horizonWeeks()).isCloseTo(39, within(1e-9));
        assertThat(report.fit().parameters().r()).isCloseTo(0.243, within(0.0005));
        assertThat(report.fit().logLikelihood()).isCloseTo(-9582.4, within(0.05));
    }

    @Test
    void run_cdnow_modelRanksLapsedCustomersBetterThanRecency() {
        assertThat(report.aucModel().orElseThrow()).isGreaterThan(report.aucRecency().orElseThrow());
        assertThat(report.aucRecency().orElseThrow()).isBetween(0.6, 0.9);
    }

    @Test
    void run_cdnow_fittedRankingBeatsEveryBaseline() {
        double model = report.aucModel().orElseThrow();

        assertThat(report.riskRanking().fallbackReason()).isEmpty();
        assertThat(report.rfmRanking().fallbackReason()).isEmpty();
        assertThat(model).isGreaterThan(report.aucRfm().orElseThrow())
                .isGreaterThan(report.aucBgNbd().orElseThrow())
                .isGreaterThan(report.aucRecency().orElseThrow());
        assertThat(report.aucBgNbd().orElseThrow()).isGreaterThan(report.aucRecency().orElseThrow());
    }

    @Test
    void run_cdnow_rankingsAreFittedOnTheCalibrationPeriodOnly() {
        RiskRankingFit ranking = report.riskRanking();

        assertThat(ranking.innerCut()).isAfter(LocalDate.of(1997, 1, 1)).isBefore(CALIBRATION_END);
        assertThat(ranking.customers()).as("the cohort bought first in Q1 1997").isEqualTo(report.customers());
        assertThat(ranking.ranking().coefficient(RiskFeature.WEEKS_SINCE_LAST_PURCHASE)).as("silence raises the risk").isPositive();
        assertThat(ranking.ranking().coefficient(RiskFeature.REPEAT_PURCHASE_DAYS)).as("frequency lowers it").isNegative();
    }

    @Test
    void run_rankingDoesNotDependOnTheHoldout() {
        List<Transaction> calibrationOnly = log.stream().filter(t -> !t.date().isAfter(CALIBRATION_END)).toList();
        RiskTrainingSet seen = RiskTrainingSet.from(calibrationOnly, CALIBRATION_END, report.horizonWeeks(),
                PurchaseModelType.BG_NBD, FitSettings.defaults(), new Random(1));

        assertThat(seen.fit(Backtest.MODEL_FEATURES).ranking()).isEqualTo(report.riskRanking().ranking());
        assertThat(seen.fit(Backtest.RFM_FEATURES).ranking()).isEqualTo(report.rfmRanking().ranking());
    }

    @Test
    void run_cdnow_rocCurvesHaveTheAreasOfTheAucs() {
        BacktestReport.RocCurves curves = report.rocCurves();

        assertThat(curves.model().area()).isCloseTo(report.aucModel().orElseThrow(), within(1e-9));
        assertThat(curves.recency().area()).isCloseTo(report.aucRecency().orElseThrow(), within(1e-9));
        assertThat(curves.bgNbd().area()).isCloseTo(report.aucBgNbd().orElseThrow(), within(1e-9));
        assertThat(curves.rfm().area()).isCloseTo(report.aucRfm().orElseThrow(), within(1e-9));
    }

    @Test
    void expectedPurchases_ranksBetterThanTheAlternativesItWasChosenOver() {
        List<CustomerOutcome> outcomes = CalibrationSplit.split(log, CALIBRATION_END, report.holdoutEnd());
        PurchaseModel model = report.fit().model();
        double horizon = report.horizonWeeks();

        double expected = auc(outcomes, c -> -model.expectedPurchases(c, horizon));
        double noPurchase = auc(outcomes, c -> model.probabilityOfNoPurchase(c, horizon));
        double dead = auc(outcomes, c -> 1 - model.probabilityAlive(c));

        assertThat(expected).isEqualTo(report.aucBgNbd().orElseThrow());
        assertThat(expected).isGreaterThan(noPurchase);
        assertThat(dead).as("1 - P(alive) under BG/NBD").isLessThan(0.5);
    }

    @Test
    void run_holdoutBeyondTheLog_isRejected() {
        assertThatThrownBy(() -> Backtest.run(log, CALIBRATION_END, OptionalInt.of(40), PurchaseModelType.BG_NBD,
                FitSettings.defaults(), new Random(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("censored");
    }

    private static double auc(List<CustomerOutcome> outcomes, java.util.function.ToDoubleFunction<CustomerSummary> score) {
        return RankingAuc.of(outcomes, o -> score.applyAsDouble(o.calibration()), o -> !o.purchasedInHoldout()).orElseThrow();
    }
}
