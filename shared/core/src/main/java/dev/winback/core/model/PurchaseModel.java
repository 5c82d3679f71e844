package dev.winback.core.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A buy-till-you-die model with fitted parameters: how likely a history is, whether the customer is
 * still alive, and what they will buy next. Times are in the unit of the summaries.
 */
public sealed interface PurchaseModel permits BgNbdModel, ModifiedBgNbdModel {

    BgNbdParameters parameters();

    PurchaseModelType type();

    /**
     * The log-likelihood of one history: {@link #frequencyTerm} of its repeat purchases plus its
     * {@link #historyTerm}. The split lets a fit compute the costly log-gamma part once per frequency
     * instead of once per customer.
     */
    default double logLikelihood(CustomerSummary customer) {
        return frequencyTerm(customer.frequency()) + historyTerm(customer);
    }

    /** The part of the log-likelihood that depends only on the parameters and the frequency x. */
    double frequencyTerm(int frequency);

    /** The rest of the log-likelihood: what depends on recency and age. */
    double historyTerm(CustomerSummary customer);

    default double logLikelihood(Collection<CustomerSummary> customers) {
        double sum = 0;
        for (CustomerSummary customer : customers) {
            sum += logLikelihood(customer);
        }
        return sum;
    }

    /** The summed log-likelihood of histories given with how many customers share each. */
    default double logLikelihood(Map<CustomerSummary, Integer> histories) {
        Map<Integer, Double> frequencyTerms = new HashMap<>();
        double sum = 0;
        for (Map.Entry<CustomerSummary, Integer> history : histories.entrySet()) {
            CustomerSummary customer = history.getKey();
            double frequencyTerm = frequencyTerms.computeIfAbsent(customer.frequency(), this::frequencyTerm);
            sum += history.getValue() * (frequencyTerm + historyTerm(customer));
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
