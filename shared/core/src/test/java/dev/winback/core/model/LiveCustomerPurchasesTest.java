package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.special.Beta;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expectation where the 2F1 closed form breaks down (a = 1, a + b below 1, z near 1), against
 * direct integration over the dropout probability: E = integral of (1 - (1 + p t / scale)^-shape) / p
 * under Beta(a, b).
 */
class LiveCustomerPurchasesTest {

    @ParameterizedTest
    @CsvSource({
        "0.243, 4.414, 0.793, 2.426, 39",   // CDNow, ordinary
        "0.243, 4.414, 1.0, 2.426, 39",     // a = 1: the closed form divides by a - 1
        "0.5, 2.0, 0.3, 0.4, 26",           // a + b < 1: 2F1 with a negative third parameter
        "2.5, 0.05, 1.7, 3.0, 156",         // z = 0.9997: slow series
        "30.2, 43.0, 0.8, 32.4, 52"})       // heavy buyer
    void expected_matchesNumericalIntegration(double shape, double scale, double a, double b, double t) {
        double integral = integrateOverDropoutProbability(shape, scale, a, b, t);

        assertThat(LiveCustomerPurchases.expected(shape, scale, a, b, t)).isCloseTo(integral, within(1e-7 * Math.max(1, integral)));
    }

    private static double integrateOverDropoutProbability(double shape, double scale, double a, double b, double t) {
        DoubleUnaryOperator purchasesIfDropoutIs = p -> p == 0
                ? shape * t / scale
                : -Math.expm1(-shape * Math.log1p(p * t / scale)) / p;
        double logBeta = Beta.logBeta(a, b);
        // Below p = 1/2, p = u^(1/a) absorbs the p^(a-1) singularity; above it, 1 - p = v^(1/b) absorbs (1 - p)^(b-1).
        double lower = integrateGeometrically(Math.pow(0.5, a), u -> {
            double p = Math.pow(u, 1 / a);
            return purchasesIfDropoutIs.applyAsDouble(p) * Math.exp((b - 1) * Math.log1p(-p) - Math.log(a) - logBeta);
        });
        double upper = integrateGeometrically(Math.pow(0.5, b), v -> {
            double q = Math.pow(v, 1 / b);
            return purchasesIfDropoutIs.applyAsDouble(1 - q) * Math.exp((a - 1) * Math.log1p(-q) - Math.log(b) - logBeta);
        });
        return lower + upper;
    }

    /** Integral over [0, end] on pieces that shrink geometrically towards 0, where the integrands are sharpest. */
    private static double integrateGeometrically(double end, UnivariateFunction f) {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-16);
        double sum = 0;
        double right = end;
        for (int piece = 0; piece < 40; piece++) {
            double left = piece == 39 ? 0 : right / 4;
            sum += integrator.integrate(1_000_000, f, left, right);
            right = left;
        }
        return sum;
    }
}
