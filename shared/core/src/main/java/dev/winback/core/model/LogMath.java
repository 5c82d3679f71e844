package dev.winback.core.model;

/** Log-space helpers that keep likelihoods finite when x is large. */
final class LogMath {

    private LogMath() {
    }

    static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(-Math.abs(u - v)));
    }

    /** log(1 + e^u). */
    static double log1pExp(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    /** 1 / (1 + e^-u), without overflow. */
    static double logistic(double u) {
        if (u >= 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double e = Math.exp(u);
        return e / (1 + e);
    }

    /** log((alpha + age) / (alpha + recency)). */
    static double logRatio(double alpha, double age, double recency) {
        return Math.log1p((age - recency) / (alpha + recency));
    }
}
