package dev.winback.core.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * What a risk ranking is fitted on, taken from a transaction log without looking past a cut-off (the
 * calibration end of a backtest, or now in production). Outcomes must come from inside the log, so
 * the cut-off moves back: features at an inner cut, outcome "no purchase between the inner cut and
 * the cut-off". The purchase model behind the features is refitted at the inner cut, so the features
 * are what the engine would have known then.
 *
 * <p>The inner horizon is the ranking's horizon, but at most half of the log before the cut-off, so
 * that the features still see at least half of the history.
 *
 * @param unusableReason present when the log cannot support a fit; rankings then fall back to
 *                       {@link RiskRanking#purchaseModelOnly()}
 */
public record RiskTrainingSet(LocalDate innerCut, double innerHorizonWeeks, List<RiskFeatures> customers,
                              List<Boolean> lapsed, Optional<String> unusableReason) {

    /** Below this many customers with either outcome, a fit would only describe noise. */
    static final int MINIMUM_PER_OUTCOME = 20;

    public RiskTrainingSet {
        Objects.requireNonNull(innerCut, "innerCut");
        Objects.requireNonNull(unusableReason, "unusableReason");
        customers = List.copyOf(customers);
        lapsed = List.copyOf(lapsed);
        if (customers.size() != lapsed.size()) {
            throw new IllegalArgumentException("need one outcome per customer");
        }
    }

    public static RiskTrainingSet from(List<Transaction> log, LocalDate cutOff, double horizonWeeks, PurchaseModelType type,
                                       FitSettings settings, RandomGenerator random) {
        LocalDate firstDay = log.stream().map(Transaction::date).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("the transaction log is empty"));
        long innerDays = Math.min(Math.round(horizonWeeks * 7), ChronoUnit.DAYS.between(firstDay, cutOff) / 2);
        LocalDate innerCut = cutOff.minusDays(innerDays);
        double innerHorizon = innerDays / 7.0;
        if (innerDays < 7) {
            return unusable(innerCut, innerHorizon, "less than two weeks of history before " + cutOff);
        }
        List<CustomerActivity> known = CustomerActivity.upTo(log, innerCut);
        Set<String> buyers = log.stream()
                .filter(t -> t.date().isAfter(innerCut) && !t.date().isAfter(cutOff))
                .map(Transaction::customerId)
                .collect(Collectors.toSet());
        List<Boolean> lapsed = known.stream().map(c -> !buyers.contains(c.customerId())).toList();
        long lapsedCount = lapsed.stream().filter(Boolean::booleanValue).count();
        long bought = known.size() - lapsedCount;
        if (Math.min(lapsedCount, bought) < MINIMUM_PER_OUTCOME) {
            return unusable(innerCut, innerHorizon, lapsedCount + " lapsed and " + bought + " buying customers after "
                    + innerCut + ", fewer than " + MINIMUM_PER_OUTCOME + " of either");
        }
        PurchaseModel model = PurchaseModelFitting.fitOrDefaults(type,
                known.stream().map(c -> c.summaryAt(innerCut).inWholeDays()).toList(), settings, random).model();
        List<RiskFeatures> features = known.stream().map(c -> RiskFeatures.of(c, innerCut, model, innerHorizon)).toList();
        return new RiskTrainingSet(innerCut, innerHorizon, features, lapsed, Optional.empty());
    }

    private static RiskTrainingSet unusable(LocalDate innerCut, double innerHorizon, String reason) {
        return new RiskTrainingSet(innerCut, innerHorizon, List.of(), List.of(), Optional.of(reason));
    }

    /** The logistic combination of {@code features} that best predicts the lapses, or the fallback with its reason. */
    public RiskRankingFit fit(List<RiskFeature> features) {
        int lapsedCount = (int) lapsed.stream().filter(Boolean::booleanValue).count();
        if (unusableReason.isPresent()) {
            return new RiskRankingFit(RiskRanking.purchaseModelOnly(), innerCut, innerHorizonWeeks, customers.size(),
                    lapsedCount, unusableReason);
        }
        double[][] rows = customers.stream().map(c -> RiskFeature.valuesOf(features, c)).toArray(double[][]::new);
        boolean[] outcomes = new boolean[lapsed.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = lapsed.get(i);
        }
        return new RiskRankingFit(LogisticRegression.fit(features, rows, outcomes), innerCut, innerHorizonWeeks,
                customers.size(), lapsedCount, Optional.empty());
    }
}
