package dev.winback.core.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Fits a purchase model and a risk ranking on a calibration period and scores the ranking on the
 * holdout period that follows, next to three baselines: recency (days since the last purchase),
 * BG/NBD expected purchases alone, and a logistic RFM ranking. The rankings are fitted on outcomes
 * inside the calibration period only (see {@link RiskTrainingSet}); the holdout only scores them.
 */
public final class Backtest {

    /** What the model's ranking combines (why these: {@link RiskFeature}). */
    public static final List<RiskFeature> MODEL_FEATURES = List.of(RiskFeature.WEEKS_SINCE_LAST_PURCHASE,
            RiskFeature.REPEAT_PURCHASE_DAYS, RiskFeature.MEAN_ORDER_VALUE, RiskFeature.LOG_ODDS_OF_NO_PURCHASE);
    /** The logistic RFM baseline. */
    public static final List<RiskFeature> RFM_FEATURES = List.of(
            RiskFeature.WEEKS_SINCE_LAST_PURCHASE, RiskFeature.REPEAT_PURCHASE_DAYS, RiskFeature.MEAN_ORDER_VALUE);

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
        RiskTrainingSet training = RiskTrainingSet.from(log, calibrationEnd, horizon, type, settings, random);
        RiskRankingFit riskRanking = training.fit(MODEL_FEATURES);
        RiskRankingFit rfmRanking = training.fit(RFM_FEATURES);

        PurchaseModel model = fit.model();
        Map<String, CustomerActivity> activities = CustomerActivity.upTo(log, calibrationEnd).stream()
                .collect(Collectors.toMap(CustomerActivity::customerId, Function.identity()));
        int n = outcomes.size();
        double[] modelScores = new double[n];
        double[] recencyScores = new double[n];
        double[] bgNbdScores = new double[n];
        double[] rfmScores = new double[n];
        boolean[] lapsed = new boolean[n];
        for (int i = 0; i < n; i++) {
            CustomerOutcome outcome = outcomes.get(i);
            RiskFeatures features = RiskFeatures.of(activities.get(outcome.customerId()), calibrationEnd, model, horizon);
            modelScores[i] = riskRanking.ranking().score(features);
            rfmScores[i] = rfmRanking.ranking().score(features);
            bgNbdScores[i] = PurchaseRisk.assess(model, outcome.calibration(), horizon).churnScore();
            recencyScores[i] = outcome.calibration().timeSinceLastPurchase() * ModelTime.WEEK.toDays();
            lapsed[i] = !outcome.purchasedInHoldout();
        }
        return new BacktestReport(
                fit,
                calibrationEnd,
                holdoutEnd,
                horizon,
                n,
                (int) outcomes.stream().filter(CustomerOutcome::purchasedInHoldout).count(),
                RankingAuc.of(modelScores, lapsed),
                RankingAuc.of(recencyScores, lapsed),
                RankingAuc.of(bgNbdScores, lapsed),
                RankingAuc.of(rfmScores, lapsed),
                riskRanking,
                rfmRanking,
                new BacktestReport.RocCurves(RocCurve.of(modelScores, lapsed), RocCurve.of(recencyScores, lapsed),
                        RocCurve.of(bgNbdScores, lapsed), RocCurve.of(rfmScores, lapsed)));
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
