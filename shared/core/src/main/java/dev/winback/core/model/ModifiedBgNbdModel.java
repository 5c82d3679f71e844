package dev.winback.core.model;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.Objects;

/**
 * MBG/NBD, Batislam, Denizel and Filiztekin (2007), with the erratum of Wagner and Hoppe (2008): the
 * customer may also drop out right after the first purchase, so a one-time buyer who has been silent
 * for long is no longer taken as certainly alive.
 */
public record ModifiedBgNbdModel(BgNbdParameters parameters) implements PurchaseModel {

    public ModifiedBgNbdModel {
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public PurchaseModelType type() {
        return PurchaseModelType.MBG_NBD;
    }

    @Override
    public double frequencyTerm(int x) {
        double r = parameters.r();
        double a = parameters.a();
        double b = parameters.b();
        double purchases = logGamma(r + x) - logGamma(r) + r * Math.log(parameters.alpha());
        double survival = logGamma(a + b) + logGamma(b + x + 1) - logGamma(b) - logGamma(a + b + x + 1);
        return purchases + survival;
    }

    @Override
    public double historyTerm(CustomerSummary customer) {
        double aliveAtT = -(parameters.r() + customer.frequency()) * Math.log(parameters.alpha() + customer.age());
        return aliveAtT + LogMath.log1pExp(logOddsDead(customer));
    }

    @Override
    public double probabilityAlive(CustomerSummary customer) {
        return LogMath.logistic(-logOddsDead(customer));
    }

    @Override
    public double expectedPurchases(CustomerSummary customer, double horizon) {
        int x = customer.frequency();
        return probabilityAlive(customer) * LiveCustomerPurchases.expected(
                parameters.r() + x, parameters.alpha() + customer.age(), parameters.a(), parameters.b() + x + 1, horizon);
    }

    private double logOddsDead(CustomerSummary customer) {
        int x = customer.frequency();
        return Math.log(parameters.a()) - Math.log(parameters.b() + x)
                + (parameters.r() + x) * LogMath.logRatio(parameters.alpha(), customer.age(), customer.recency());
    }
}
