package dev.winback.core.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fit of a purchase model by Nelder-Mead over log-parameters, which keeps them
 * positive. Several starts, then restarts from the best point until the likelihood stops moving:
 * a single simplex run tends to stall in the long, flat valley of (r, alpha).
 */
public final class MaximumLikelihoodEstimator {

    private static final List<BgNbdParameters> STARTS = List.of(
            BgNbdParameters.defaults(),
            new BgNbdParameters(1, 1, 1, 1),
            new BgNbdParameters(0.5, 10, 0.3, 5));
    private static final int MAX_EVALUATIONS_PER_RUN = 20_000;
    private static final int MAX_RESTARTS = 8;
    private static final double RESTART_GAIN = 1e-9;

    private MaximumLikelihoodEstimator() {
    }

    public static PurchaseModelFit fit(PurchaseModelType type, Collection<CustomerSummary> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a purchase model on no customers");
        }
        Map<CustomerSummary, Integer> patterns = countPatterns(customers);
        ObjectiveFunction negativeLogLikelihood = new ObjectiveFunction(logs -> negativeLogLikelihood(type, patterns, logs));

        PointValuePair best = null;
        for (BgNbdParameters start : STARTS) {
            PointValuePair candidate = minimise(negativeLogLikelihood, start.logs(), 0.5);
            if (best == null || candidate.getValue() < best.getValue()) {
                best = candidate;
            }
        }
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            PointValuePair again = minimise(negativeLogLikelihood, best.getPoint(), 0.05);
            boolean improved = again.getValue() < best.getValue() - RESTART_GAIN * Math.abs(best.getValue());
            if (again.getValue() < best.getValue()) {
                best = again;
            }
            if (!improved) {
                break;
            }
        }
        PurchaseModel model = type.withParameters(BgNbdParameters.fromLogs(best.getPoint()));
        return new PurchaseModelFit(model, -best.getValue(), customers.size(), Optional.empty());
    }

    private static PointValuePair minimise(ObjectiveFunction objective, double[] start, double step) {
        SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-14, 1e-12));
        return optimizer.optimize(
                new MaxEval(MAX_EVALUATIONS_PER_RUN),
                objective,
                GoalType.MINIMIZE,
                new InitialGuess(start),
                new NelderMeadSimplex(new double[] {step, step, step, step}));
    }

    private static double negativeLogLikelihood(PurchaseModelType type, Map<CustomerSummary, Integer> patterns, double[] logs) {
        for (double log : logs) {
            if (!(Math.abs(log) < 30)) {
                return Double.MAX_VALUE;
            }
        }
        PurchaseModel model = type.withParameters(BgNbdParameters.fromLogs(logs));
        double sum = model.logLikelihood(patterns);
        return Double.isFinite(sum) ? -sum : Double.MAX_VALUE;
    }

    /** Customers with the same (x, t_x, T) share a likelihood term; CDNow has many one-time buyers per T. */
    private static Map<CustomerSummary, Integer> countPatterns(Collection<CustomerSummary> customers) {
        Map<CustomerSummary, Integer> patterns = new HashMap<>();
        for (CustomerSummary customer : customers) {
            patterns.merge(customer, 1, Integer::sum);
        }
        return patterns;
    }
}
