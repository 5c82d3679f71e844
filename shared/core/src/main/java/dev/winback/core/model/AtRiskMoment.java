package dev.winback.core.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * The instant at which a customer who stops buying becomes at risk: armed as a durable timer when a
 * purchase arrives, and superseded by the next purchase.
 *
 * <p>With x and t_x fixed, expected purchases fall monotonically as the silence grows (P(alive) and the
 * posterior rate both decrease), so the crossing is unique and a bracketing solver finds it.
 */
public final class AtRiskMoment {

    /** Silences longer than this are not scheduled: the customer will be caught by the periodic scan. */
    public static final Duration DEFAULT_CAP = Duration.ofDays(3 * 365);

    private static final double SOLVER_ACCURACY_WEEKS = 1e-7; // about 60 ms
    private static final int MAX_SOLVER_EVALUATIONS = 200;

    private AtRiskMoment() {
    }

    /**
     * @return the last purchase itself when the customer is already at risk then; empty when the
     *         threshold is not reached within {@code cap} of the last purchase
     */
    public static Optional<Instant> after(PurchaseModel model, PurchaseHistory history, RiskThreshold threshold, Duration cap) {
        CustomerSummary atLastPurchase = history.summaryAt(history.lastPurchase());
        double horizon = threshold.horizonWeeks();
        UnivariateFunction margin = silenceWeeks -> model.expectedPurchases(atLastPurchase.agedBy(silenceWeeks), horizon)
                - threshold.minimumExpectedPurchases();
        if (margin.value(0) <= 0) {
            return Optional.of(history.lastPurchase());
        }
        double capWeeks = ModelTime.weeks(cap);
        if (margin.value(capWeeks) > 0) {
            return Optional.empty();
        }
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(SOLVER_ACCURACY_WEEKS, 5);
        // RIGHT_SIDE: never earlier than the crossing, so the customer is at risk when the timer fires.
        double silenceWeeks = solver.solve(MAX_SOLVER_EVALUATIONS, margin, 0, capWeeks, AllowedSolution.RIGHT_SIDE);
        return Optional.of(upToTheSecond(history.lastPurchase().plus(ModelTime.duration(silenceWeeks))));
    }

    /** Timers work in whole seconds; the next one up also keeps float noise from firing a hair early. */
    private static Instant upToTheSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    public static Optional<Instant> after(PurchaseModel model, PurchaseHistory history, RiskThreshold threshold) {
        return after(model, history, threshold, DEFAULT_CAP);
    }
}
