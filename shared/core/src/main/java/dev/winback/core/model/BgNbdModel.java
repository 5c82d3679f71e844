package dev.winback.core.model;

import static dev.winback.core.model.LogMath.logAddExp;
import static org.hipparchus.special.Gamma.logGamma;

import java.util.Objects;

/**
 * BG/NBD, Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way". A customer who never
 * bought again has had no chance to drop out, so P(alive) is 1 for one-time buyers.
 */
public record BgNbdModel(BgNbdParameters parameters) implements PurchaseModel {

    public BgNbdModel {
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public PurchaseModelType type() {
        return PurchaseModelType.BG_NBD;
    }

    @Override
    public double frequencyTerm(int x) {
        double r = parameters.r();
        double a = parameters.a();
        double b = parameters.b();
        double purchases = logGamma(r + x) - logGamma(r) + r * Math.log(parameters.alpha());
        double survival = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
        return purchases + survival;
    }

    @Override
    public double historyTerm(CustomerSummary customer) {
        double r = parameters.r();
        double alpha = parameters.alpha();
        int x = customer.frequency();
        double aliveAtT = -(r + x) * Math.log(alpha + customer.age());
        if (x == 0) {
            return aliveAtT;
        }
        double goneAtLastPurchase = Math.log(parameters.a()) - Math.log(parameters.b() + x - 1)
                - (r + x) * Math.log(alpha + customer.recency());
        return logAddExp(aliveAtT, goneAtLastPurchase);
    }

    @Override
    public double probabilityAlive(CustomerSummary customer) {
        if (!customer.isRepeatBuyer()) {
            return 1;
        }
        int x = customer.frequency();
        double logOdds = Math.log(parameters.a()) - Math.log(parameters.b() + x - 1)
                + (parameters.r() + x) * LogMath.logRatio(parameters.alpha(), customer.age(), customer.recency());
        return LogMath.logistic(-logOdds);
    }

    @Override
    public double expectedPurchases(CustomerSummary customer, double horizon) {
        int x = customer.frequency();
        return probabilityAlive(customer) * LiveCustomerPurchases.expected(
                parameters.r() + x, parameters.alpha() + customer.age(), parameters.a(), parameters.b() + x, horizon);
    }
}
