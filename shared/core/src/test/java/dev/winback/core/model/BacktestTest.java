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
    void expectedPurchases_ranksBetterThanTheAlternativesItWasChosenOver() {
        List<CustomerOutcome> outcomes = CalibrationSplit.split(log, CALIBRATION_END, report.holdoutEnd());
        PurchaseModel model = report.fit().model();
        double horizon = report.horizonWeeks();

        double expected = auc(outcomes, c -> -model.expectedPurchases(c, horizon));
        double noPurchase = auc(outcomes, c -> model.probabilityOfNoPurchase(c, horizon));
        double dead = auc(outcomes, c -> 1 - model.probabilityAlive(c));

        assertThat(expected).isEqualTo(report.aucModel().orElseThrow());
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
