package dev.winback.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A logistic combination of risk features: P(no purchase over the horizon) = logistic(intercept +
 * sum of coefficient * (feature - centre) / scale). Centring and scaling make the coefficients
 * comparable: each says how much one standard deviation of its feature moves the log-odds of lapsing.
 */
public record RiskRanking(List<RiskFeature> features, double[] centres, double[] scales, double intercept,
                          double[] coefficients) {

    public RiskRanking {
        features = List.copyOf(features);
        centres = centres.clone();
        scales = scales.clone();
        coefficients = coefficients.clone();
        if (features.isEmpty() || centres.length != features.size() || scales.length != features.size()
                || coefficients.length != features.size()) {
            throw new IllegalArgumentException("need one centre, scale and coefficient per feature");
        }
        for (int i = 0; i < scales.length; i++) {
            if (!(scales[i] > 0) || !Double.isFinite(centres[i]) || !Double.isFinite(coefficients[i])) {
                throw new IllegalArgumentException("feature " + features.get(i).label() + " has no finite centre,"
                        + " coefficient and positive scale");
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept must be finite, was " + intercept);
        }
    }

    /**
     * The ranking of a base that cannot fit one: the fewer purchases the purchase model expects, the
     * higher the risk, as {@link PurchaseRisk#churnScore()} ranks.
     */
    public static RiskRanking purchaseModelOnly() {
        return new RiskRanking(List.of(RiskFeature.EXPECTED_PURCHASES), new double[] {0}, new double[] {1}, 0,
                new double[] {-1});
    }

    /** The log-odds that the customer buys nothing over the horizon; higher ranks riskier. */
    public double score(RiskFeatures customer) {
        return score(RiskFeature.valuesOf(features, customer));
    }

    /** The probability that the customer buys nothing over the horizon the ranking was fitted for. */
    public double probabilityOfLapse(RiskFeatures customer) {
        return LogMath.logistic(score(customer));
    }

    double score(double[] values) {
        double logOdds = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            logOdds += coefficients[i] * (values[i] - centres[i]) / scales[i];
        }
        return logOdds;
    }

    public double coefficient(RiskFeature feature) {
        int index = features.indexOf(feature);
        if (index < 0) {
            throw new IllegalArgumentException(feature.label() + " is not part of this ranking");
        }
        return coefficients[index];
    }

    /** {@code intercept=… weeks_since_last_purchase=…}: the coefficients by name, for a log line or a report. */
    public String describe() {
        return "intercept=" + format(intercept) + IntStream.range(0, features.size())
                .mapToObj(i -> " " + features.get(i).label() + "=" + format(coefficients[i]))
                .collect(Collectors.joining());
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Override
    public double[] centres() {
        return centres.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RiskRanking that && features.equals(that.features)
                && Arrays.equals(centres, that.centres) && Arrays.equals(scales, that.scales)
                && Double.compare(intercept, that.intercept) == 0 && Arrays.equals(coefficients, that.coefficients);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, Arrays.hashCode(centres), Arrays.hashCode(scales), intercept,
                Arrays.hashCode(coefficients));
    }

    @Override
    public String toString() {
        return "RiskRanking[" + describe() + "]";
    }
}
