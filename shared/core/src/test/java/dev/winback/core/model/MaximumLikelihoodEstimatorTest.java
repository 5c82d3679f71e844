package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaximumLikelihoodEstimatorTest {

    private static final List<CustomerSummary> CDNOW = CdnowData.calibrationSummaries();
    private static PurchaseModelFit bgNbd;

    @BeforeAll
    static void fitBgNbd() {
        bgNbd = MaximumLikelihoodEstimator.fit(PurchaseModelType.BG_NBD, CDNOW);
    }

    /** Fader, Hardie and Lee (2005) report r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4. */
    @Test
    void fit_bgNbdOnCdnowSummary_reproducesPublishedEstimates() {
        PurchaseModelFit fit = bgNbd;

        BgNbdParameters p = fit.parameters();
        assertThat(p.r()).isCloseTo(0.243, within(0.0005));
        assertThat(p.alpha()).isCloseTo(4.414, within(0.0005));
        assertThat(p.a()).isCloseTo(0.793, within(0.0005));
        assertThat(p.b()).isCloseTo(2.426, within(0.0005));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.customers()).isEqualTo(2357);
        assertThat(fit.isFallback()).isFalse();
        assertThat(fit.model()).isInstanceOf(BgNbdModel.class);
    }

    /** The estimates BTYDplus reports for MBG/NBD on the same summary (as checked by the lifetimes tests). */
    @Test
    void fit_mbgNbdOnCdnowSummary_reproducesBtydPlusEstimates() {
        PurchaseModelFit fit = MaximumLikelihoodEstimator.fit(PurchaseModelType.MBG_NBD, CDNOW);

        BgNbdParameters p = fit.parameters();
        assertThat(p.r()).isCloseTo(0.525, within(0.0005));
        assertThat(p.alpha()).isCloseTo(6.183, within(0.0005));
        assertThat(p.a()).isCloseTo(0.891, within(0.0005));
        assertThat(p.b()).isCloseTo(1.614, within(0.0005));
        assertThat(fit.model()).isInstanceOf(ModifiedBgNbdModel.class);
    }

    @Test
    void fit_returnsAMaximum_noNearbyPointIsMoreLikely() {
        double[] logs = bgNbd.parameters().logs();

        for (int i = 0; i < logs.length; i++) {
            for (double step : new double[] {-1e-3, 1e-3}) {
                double[] moved = logs.clone();
                moved[i] += step;
                double nearby = new BgNbdModel(BgNbdParameters.fromLogs(moved)).logLikelihood(CDNOW);
                assertThat(nearby).as("parameter %d moved by %s", i, step).isLessThan(bgNbd.logLikelihood());
            }
        }
    }

    @Test
    void fit_withNoCustomers_isRejected() {
        assertThatThrownBy(() -> MaximumLikelihoodEstimator.fit(PurchaseModelType.BG_NBD, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
