package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Likelihoods checked against cases that can be written down by hand from each model's story. */
class LikelihoodTest {

    private static final BgNbdParameters P = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

    /** BG/NBD: nobody drops out before a repeat purchase, so no purchase in T has NBD probability (alpha / (alpha + T))^r. */
    @ParameterizedTest
    @ValueSource(doubles = {0, 1.5, 38.86, 200})
    void bgNbd_oneTimeBuyer_isTheNbdZeroTerm(double age) {
        double expected = P.r() * Math.log(P.alpha() / (P.alpha() + age));

        assertThat(new BgNbdModel(P).logLikelihood(new CustomerSummary(0, 0, age))).isCloseTo(expected, within(1e-12));
    }

    /** MBG/NBD: either gone right after the first purchase (mean a/(a+b)) or alive with no purchase in T. */
    @ParameterizedTest
    @ValueSource(doubles = {0, 1.5, 38.86, 200})
    void mbgNbd_oneTimeBuyer_mixesDropoutAtBirthWithTheNbdZeroTerm(double age) {
        double goneAtBirth = P.a() / (P.a() + P.b());
        double expected = Math.log(goneAtBirth + (1 - goneAtBirth) * Math.pow(P.alpha() / (P.alpha() + age), P.r()));

        assertThat(new ModifiedBgNbdModel(P).logLikelihood(new CustomerSummary(0, 0, age))).isCloseTo(expected, within(1e-12));
    }

    /** The likelihood as printed by Fader, Hardie and Lee (2005), with plain Beta and Gamma functions. */
    @Test
    void bgNbd_repeatBuyer_matchesThePapersLikelihood() {
        CustomerSummary customer = new CustomerSummary(2, 30.43, 38.86);
        double r = P.r(), alpha = P.alpha(), a = P.a(), b = P.b();
        int x = 2;
        double gammaRatio = org.hipparchus.special.Gamma.gamma(r + x) / org.hipparchus.special.Gamma.gamma(r);
        double beta = beta(a, b);
        double expected = beta(a, b + x) / beta * gammaRatio * Math.pow(alpha, r) / Math.pow(alpha + 38.86, r + x)
                + beta(a + 1, b + x - 1) / beta * gammaRatio * Math.pow(alpha, r) / Math.pow(alpha + 30.43, r + x);

        assertThat(new BgNbdModel(P).logLikelihood(customer)).isCloseTo(Math.log(expected), within(1e-12));
    }

    @Test
    void logLikelihood_ofManyCustomers_isTheSumOfTheirs() {
        List<CustomerSummary> customers = List.of(new CustomerSummary(0, 0, 10), new CustomerSummary(3, 7, 20));
        for (PurchaseModel model : List.of(new BgNbdModel(P), new ModifiedBgNbdModel(P))) {
            assertThat(model.logLikelihood(customers)).isCloseTo(
                    model.logLikelihood(customers.get(0)) + model.logLikelihood(customers.get(1)), within(1e-12));
        }
    }

    @Test
    void logLikelihood_ofCountedHistories_weighsEachByItsCount() {
        Map<CustomerSummary, Integer> histories = Map.of(
                new CustomerSummary(0, 0, 10), 7, new CustomerSummary(3, 7, 20), 2, new CustomerSummary(3, 1, 12), 1);
        for (PurchaseModel model : List.of(new BgNbdModel(P), new ModifiedBgNbdModel(P))) {
            double expected = 7 * model.logLikelihood(new CustomerSummary(0, 0, 10))
                    + 2 * model.logLikelihood(new CustomerSummary(3, 7, 20))
                    + model.logLikelihood(new CustomerSummary(3, 1, 12));
            assertThat(model.logLikelihood(histories)).isCloseTo(expected, within(1e-9));
        }
    }

    /** A density in the purchase times, so it may exceed 1; what matters is that it stays finite. */
    @Test
    void logLikelihood_staysFiniteForTheHeaviestBuyers() {
        for (PurchaseModel model : List.of(new BgNbdModel(P), new ModifiedBgNbdModel(P))) {
            assertThat(model.logLikelihood(new CustomerSummary(400, 38, 39))).isFinite();
            assertThat(model.logLikelihood(new CustomerSummary(400, 0.5, 39))).isFinite();
        }
    }

    private static double beta(double p, double q) {
        return Math.exp(org.hipparchus.special.Beta.logBeta(p, q));
    }
}
