package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgNbdModelTest {

    private static final BgNbdParameters PUBLISHED = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
    private static BgNbdModel cdnow;

    @BeforeAll
    static void fitCdnow() {
        cdnow = (BgNbdModel) MaximumLikelihoodEstimator.fit(PurchaseModelType.BG_NBD, CdnowData.calibrationSummaries()).model();
    }

    /** Bruce Hardie's BG/NBD spreadsheet for CDNow, as checked by the lifetimes test suite: 1.226. */
    @Test
    void expectedPurchases_cdnowCustomerOverNext39Weeks_matchesHardieSpreadsheet() {
        assertThat(cdnow.expectedPurchases(new CustomerSummary(2, 30.43, 38.86), 39)).isCloseTo(1.226, within(0.0005));
    }

    /**
     * E[X(t)] for a new customer, same spreadsheet: a customer just born (x = 0, T = 0) has the
     * population's unconditional expectation.
     */
    @ParameterizedTest
    @CsvSource({"0.1429, 0.0078", "1.0, 0.0532", "3.0, 0.1506", "31.8571, 1.0405", "32.0, 1.0437", "78.0, 1.8576"})
    void expectedPurchases_newCustomer_matchesHardieSpreadsheetCurve(double t, double published) {
        assertThat(cdnow.expectedPurchases(new CustomerSummary(0, 0, 0), t)).isCloseTo(published, within(0.0005));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0, 38.86, 39", "1, 1.71, 38.86, 39", "2, 30.43, 38.86, 39", "7, 29.43, 35.0, 52",
        "30, 38.0, 38.86, 39", "30, 5.0, 38.86, 13", "2, 30.43, 38.86, 0.01"})
    void expectedPurchases_matchesThePapersClosedForm(int x, double recency, double age, double t) {
        CustomerSummary customer = new CustomerSummary(x, recency, age);

        assertThat(new BgNbdModel(PUBLISHED).expectedPurchases(customer, t))
                .isCloseTo(ClosedForms.bgNbdExpected(PUBLISHED, customer, t), within(1e-9));
    }

    @Test
    void probabilityAlive_oneTimeBuyer_isCertain() {
        assertThat(new BgNbdModel(PUBLISHED).probabilityAlive(new CustomerSummary(0, 0, 300))).isEqualTo(1.0);
    }

    /** Right after a repeat purchase only the coin flipped at that purchase matters: E[1 - p | x] = (b + x - 1) / (a + b + x - 1). */
    @ParameterizedTest
    @CsvSource({"1, 3.0", "2, 30.43", "30, 38.86"})
    void probabilityAlive_rightAfterAPurchase_isTheChanceOfSurvivingIt(int x, double age) {
        double expected = (PUBLISHED.b() + x - 1) / (PUBLISHED.a() + PUBLISHED.b() + x - 1);

        assertThat(new BgNbdModel(PUBLISHED).probabilityAlive(new CustomerSummary(x, age, age))).isCloseTo(expected, within(1e-12));
    }

    /** A frequent buyer starts more alive (more coins survived) but a long silence is more telling for them. */
    @Test
    void probabilityAlive_fallsWithSilence_fasterForFrequentBuyers() {
        BgNbdModel model = new BgNbdModel(PUBLISHED);
        CustomerSummary frequent = new CustomerSummary(10, 20, 20);
        CustomerSummary occasional = new CustomerSummary(1, 20, 20);
        double previousFrequent = 1;
        double previousOccasional = 1;
        for (double silence = 1; silence <= 52; silence += 1) {
            double frequentAlive = model.probabilityAlive(frequent.agedBy(silence));
            double occasionalAlive = model.probabilityAlive(occasional.agedBy(silence));
            assertThat(frequentAlive).isLessThan(previousFrequent).isPositive();
            assertThat(occasionalAlive).isLessThan(previousOccasional).isPositive();
            previousFrequent = frequentAlive;
            previousOccasional = occasionalAlive;
        }
        assertThat(model.probabilityAlive(frequent)).isGreaterThan(model.probabilityAlive(occasional));
        assertThat(model.probabilityAlive(frequent.agedBy(26))).isLessThan(model.probabilityAlive(occasional.agedBy(26)));
    }

    @Test
    void expectedPurchases_forATinyHorizon_isTheAliveRateTimesTheHorizon() {
        BgNbdModel model = new BgNbdModel(PUBLISHED);
        CustomerSummary customer = new CustomerSummary(4, 20, 30);
        double t = 1e-6;
        double rateIfAlive = (PUBLISHED.r() + 4) / (PUBLISHED.alpha() + 30);

        assertThat(model.expectedPurchases(customer, t) / t)
                .isCloseTo(model.probabilityAlive(customer) * rateIfAlive, within(1e-6));
        assertThat(model.expectedPurchases(customer, 0)).isZero();
    }

    @Test
    void probabilityOfNoPurchase_goesFromCertainToTheChanceOfBeingGone() {
        BgNbdModel model = new BgNbdModel(PUBLISHED);
        CustomerSummary customer = new CustomerSummary(4, 20, 30);

        assertThat(model.probabilityOfNoPurchase(customer, 1e-9)).isCloseTo(1, within(1e-9));
        assertThat(model.probabilityOfNoPurchase(customer, 1e9)).isCloseTo(1 - model.probabilityAlive(customer), within(1e-3));
    }
}
