package dev.winback.core.model;

import java.time.LocalDate;

/**
 * What a customer's record says about their risk at a moment: recency, frequency and monetary value
 * as people read them, and the purchase model's own chance that they buy nothing over the horizon.
 *
 * @param weeksSinceLastPurchase T - t_x
 * @param repeatPurchaseDays     x
 * @param meanOrderValue         spend per order (0 when refunds outweigh purchases)
 * @param logOddsOfNoPurchase    log(P / (1 - P)) with P = P(Y(horizon) = 0 | x, t_x, T) under the purchase model
 * @param expectedPurchases      E[Y(horizon) | x, t_x, T] under the purchase model
 */
public record RiskFeatures(double weeksSinceLastPurchase, int repeatPurchaseDays, double meanOrderValue,
                           double logOddsOfNoPurchase, double expectedPurchases) {

    /** Beyond this the log-odds say "certain" either way; the bound keeps a fit finite. */
    static final double MAX_LOG_ODDS = 30;

    public static RiskFeatures of(CustomerActivity activity, LocalDate evaluatedAt, PurchaseModel model, double horizonWeeks) {
        CustomerSummary summary = activity.summaryAt(evaluatedAt);
        return new RiskFeatures(
                summary.timeSinceLastPurchase(),
                summary.frequency(),
                activity.meanOrderValue(),
                logOddsOfNoPurchase(model, summary, horizonWeeks),
                model.expectedPurchases(summary, horizonWeeks));
    }

    /**
     * P = 1 - alive + alive * silent, so 1 - P = alive * (1 - silent): both sides in logs, without
     * subtracting nearly equal numbers for the customers the model is most sure about.
     */
    private static double logOddsOfNoPurchase(PurchaseModel model, CustomerSummary summary, double horizonWeeks) {
        double noPurchase = model.probabilityOfNoPurchase(summary, horizonWeeks);
        BgNbdParameters p = model.parameters();
        double logSilentIfAlive = -(p.r() + summary.frequency()) * Math.log1p(horizonWeeks / (p.alpha() + summary.age()));
        double logBuys = Math.log(model.probabilityAlive(summary)) + Math.log(-Math.expm1(logSilentIfAlive));
        double logOdds = Math.log(noPurchase) - logBuys;
        return Double.isNaN(logOdds) ? MAX_LOG_ODDS : Math.max(-MAX_LOG_ODDS, Math.min(MAX_LOG_ODDS, logOdds));
    }
}
