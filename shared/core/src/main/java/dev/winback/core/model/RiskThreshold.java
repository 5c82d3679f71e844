package dev.winback.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * When a customer counts as at risk of purchase churn: fewer than {@code minimumExpectedPurchases}
 * expected over the next {@code horizon}, e.g. under 0.2 purchases in the next 13 weeks.
 */
public record RiskThreshold(Duration horizon, double minimumExpectedPurchases) {

    public RiskThreshold {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, was " + horizon);
        }
        if (!(minimumExpectedPurchases > 0) || !Double.isFinite(minimumExpectedPurchases)) {
            throw new IllegalArgumentException("minimumExpectedPurchases must be finite and > 0, was " + minimumExpectedPurchases);
        }
    }

    public double horizonWeeks() {
        return ModelTime.weeks(horizon);
    }
}
