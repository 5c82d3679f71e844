package dev.winback.core.model;

import java.util.Collection;

/**
 * A buy-till-you-die model with fitted parameters: how likely a history is, whether the customer is
 * still alive, and what they will buy next. Times are in the unit of the summaries.
 */
public sealed interface PurchaseModel permits BgNbdModel, ModifiedBgNbdModel {

    BgNbdParameters parameters();

    PurchaseModelType type();

    double logLikelihood(CustomerSummary customer);

    default double logLikelihood(Collection<CustomerSummary> customers) {
        double sum = 0;
        for (CustomerSummary customer : customers) {
            sum += logLikelihood(customer);
        }
        return sum;
    }

    /** P(alive | x, t_x, T): the customer has not dropped out by their age T. */
    double probabilityAlive(CustomerSummary customer);

    /** E[Y(t) | x, t_x, T]: purchases expected in the next {@code horizon} time units. */
    double expectedPurchases(CustomerSummary customer, double horizon);

    /**
     * P(Y(t) = 0 | x, t_x, T): no purchase in the next {@code horizon}. Dropout only happens at a
     * purchase (or at birth for MBG/NBD), so a live customer stays silent with the NBD zero term.
     */
    default double probabilityOfNoPurchase(CustomerSummary customer, double horizon) {
        BgNbdParameters p = parameters();
        double alive = probabilityAlive(customer);
        double scale = p.alpha() + customer.age();
        double silentIfAlive = Math.exp(-(p.r() + customer.frequency()) * Math.log1p(horizon / scale));
        return 1 - alive + alive * silentIfAlive;
    }
}
