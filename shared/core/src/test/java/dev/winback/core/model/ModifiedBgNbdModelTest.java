package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModifiedBgNbdModelTest {

    private static final BgNbdParameters P = new BgNbdParameters(0.525, 6.183, 0.891, 1.614);
    private final ModifiedBgNbdModel model = new ModifiedBgNbdModel(P);

    /** At birth only the coin flipped at the first purchase matters: E[1 - p] = b / (a + b). */
    @Test
    void probabilityAlive_atFirstPurchase_isTheChanceOfSurvivingIt() {
        assertThat(model.probabilityAlive(new CustomerSummary(0, 0, 0))).isCloseTo(P.b() / (P.a() + P.b()), within(1e-12));
    }

    @Test
    void probabilityAlive_oneTimeBuyer_fallsWithSilence_unlikeBgNbd() {
        double early = model.probabilityAlive(new CustomerSummary(0, 0, 1));
        double late = model.probabilityAlive(new CustomerSummary(0, 0, 52));

        assertThat(late).isLessThan(early).isLessThan(1);
        assertThat(new BgNbdModel(P).probabilityAlive(new CustomerSummary(0, 0, 52))).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 38.86, 39", "2, 30.43, 38.86, 39", "7, 29.43, 35.0, 52", "30, 38.0, 38.86, 39", "30, 5.0, 38.86, 13"})
    void expectedPurchases_matchesTheClosedForm(int x, double recency, double age, double t) {
        CustomerSummary customer = new CustomerSummary(x, recency, age);

        assertThat(model.expectedPurchases(customer, t)).isCloseTo(ClosedForms.mbgNbdExpected(P, customer, t), within(1e-9));
    }

    /** For someone just born, both variants differ only by the dropout chance at the first purchase. */
    @Test
    void expectedPurchases_newCustomer_isBgNbdWithOneMoreSurvivedCoin() {
        double t = 26;
        BgNbdParameters shifted = new BgNbdParameters(P.r(), P.alpha(), P.a(), P.b() + 1);
        double survivesBirth = P.b() / (P.a() + P.b());

        assertThat(model.expectedPurchases(new CustomerSummary(0, 0, 0), t))
                .isCloseTo(survivesBirth * new BgNbdModel(shifted).expectedPurchases(new CustomerSummary(0, 0, 0), t), within(1e-12));
    }
}
