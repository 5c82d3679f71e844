package dev.winback.core.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Fits a purchase model on a calibration period and scores its churn ranking on the holdout period
 * that follows, next to the recency baseline (days since the last purchase).
 */
public final class Backtest {

    private Backtest() {
    }

    /**
     * @param horizonWeeks length of the holdout period and of the risk horizon; when absent, the holdout
     *                     runs to the last transaction of the log
     * @throws IllegalArgumentException when the log leaves no calibration or no holdout period
     */
    public static BacktestReport run(
            List<Transaction> log,
            LocalDate calibrationEnd,
            OptionalInt horizonWeeks,
            PurchaseModelType type,
            FitSettings settings,
            RandomGenerator random) {
        LocalDate firstDay = log.stream().map(Transaction::date).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("the transaction log is empty"));
        LocalDate lastDay = log.stream().map(Transaction::date).max(Comparator.naturalOrder()).orElseThrow();
        if (calibrationEnd.isBefore(firstDay)) {
            throw new IllegalArgumentException("calibration end " + calibrationEnd + " is before the first transaction " + firstDay);
        }
        LocalDate holdoutEnd = holdoutEnd(calibrationEnd, horizonWeeks, lastDay);

        List<CustomerOutcome> outcomes = CalibrationSplit.split(log, calibrationEnd, holdoutEnd);
        List<CustomerSummary> summaries = outcomes.stream().map(CustomerOutcome::calibration).toList();
        PurchaseModelFit fit = PurchaseModelFitting.fitOrDefaults(type, summaries, settings, random);
        double horizon = ModelTime.weeksBetween(calibrationEnd, holdoutEnd);

        PurchaseModel model = fit.model();
        return new BacktestReport(
                fit,
                calibrationEnd,
                holdoutEnd,
                horizon,
                outcomes.size(),
                (int) outcomes.stream().filter(CustomerOutcome::purchasedInHoldout).count(),
                RankingAuc.of(outcomes,
                        outcome -> PurchaseRisk.assess(model, outcome.calibration(), horizon).churnScore(),
                        Backtest::lapsed),
                RankingAuc.of(outcomes,
                        outcome -> outcome.calibration().timeSinceLastPurchase() * ModelTime.WEEK.toDays(),
                        Backtest::lapsed));
    }

    private static boolean lapsed(CustomerOutcome outcome) {
        return !outcome.purchasedInHoldout();
    }

    private static LocalDate holdoutEnd(LocalDate calibrationEnd, OptionalInt horizonWeeks, LocalDate lastDay) {
        if (horizonWeeks.isEmpty()) {
            if (!lastDay.isAfter(calibrationEnd)) {
                throw new IllegalArgumentException("no transaction after the calibration end " + calibrationEnd
                        + " (last is " + lastDay + "): nothing to hold out");
            }
            return lastDay;
        }
        int weeks = horizonWeeks.getAsInt();
        if (weeks < 1) {
            throw new IllegalArgumentException("the horizon must be at least one week, was " + weeks);
        }
        LocalDate end = calibrationEnd.plusWeeks(weeks);
        if (end.isAfter(lastDay)) {
            throw new IllegalArgumentException("a holdout of " + weeks + " weeks ends on " + end
                    + ", after the last transaction " + lastDay + ": outcomes would be censored");
        }
        return end;
    }
}
