package dev.winback.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * The entry point for fitting a base's purchase model: samples large bases, falls back to
 * {@link BgNbdParameters#defaults()} with a reason when the data cannot support a fit.
 */
public final class PurchaseModelFitting {

    private PurchaseModelFitting() {
    }

    /** @param random decides the sample of a base larger than the maximum; seed it for repeatable fits */
    public static PurchaseModelFit fitOrDefaults(
            PurchaseModelType type, List<CustomerSummary> customers, FitSettings settings, RandomGenerator random) {
        List<CustomerSummary> used = sample(customers, settings.maximumCustomers(), random);
        long repeatBuyers = used.stream().filter(CustomerSummary::isRepeatBuyer).count();
        if (used.size() < settings.minimumCustomers()) {
            return defaults(type, used, "only " + used.size() + " customers, fewer than " + settings.minimumCustomers());
        }
        if (repeatBuyers < settings.minimumRepeatBuyers()) {
            return defaults(type, used, "only " + repeatBuyers + " repeat buyers, fewer than " + settings.minimumRepeatBuyers());
        }
        try {
            return MaximumLikelihoodEstimator.fit(type, used);
        } catch (MathIllegalStateException e) {
            // the simplex ran out of evaluations: data the model cannot describe, not a bug
            return defaults(type, used, "the likelihood did not converge (" + e.getMessage() + ")");
        }
    }

    /** A uniform sample without replacement (partial Fisher-Yates), or all customers when few enough. */
    static List<CustomerSummary> sample(List<CustomerSummary> customers, int maximum, RandomGenerator random) {
        if (customers.size() <= maximum) {
            return customers;
        }
        List<CustomerSummary> shuffled = new ArrayList<>(customers);
        for (int i = 0; i < maximum; i++) {
            int j = i + random.nextInt(shuffled.size() - i);
            shuffled.set(i, shuffled.set(j, shuffled.get(i)));
        }
        return List.copyOf(shuffled.subList(0, maximum));
    }

    private static PurchaseModelFit defaults(PurchaseModelType type, List<CustomerSummary> used, String reason) {
        PurchaseModel model = type.withParameters(BgNbdParameters.defaults());
        return new PurchaseModelFit(model, model.logLikelihood(used), used.size(), Optional.of(reason));
    }
}
