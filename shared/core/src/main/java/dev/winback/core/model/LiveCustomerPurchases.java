package dev.winback.core.model;

/**
 * Expected purchases of a customer known to be alive, for both BG/NBD variants.
 *
 * <p>Given alive, the posterior rate is Gamma(shape, scale) and the posterior dropout probability
 * Beta(a, bPosterior), independent. Purchases in t follow an NBD; after each one the customer leaves
 * with probability p, so the n-th purchase happens only if the NBD count reaches n and the customer
 * survived n - 1 coins: E[Y] = sum over m >= 1 of P(N = m) * W_m with W_m = sum over n <= m of
 * E[(1 - p)^(n - 1)]. This equals the 2F1 closed form of Fader, Hardie and Lee (2005) but every term
 * is positive: no cancellation for large x, no singularity at a = 1, no trouble when a + b < 1.
 */
final class LiveCustomerPurchases {

    private static final double RELATIVE_TOLERANCE = 1e-15;
    private static final int MAX_TERMS = 50_000_000;

    private LiveCustomerPurchases() {
    }

    static double expected(double shape, double scale, double a, double bPosterior, double horizon) {
        if (horizon <= 0) {
            return 0;
        }
        double logQ = Math.log(horizon) - Math.log(scale + horizon); // log z, z = t / (scale + t)
        double q = Math.exp(logQ);
        double logPmf = -shape * Math.log1p(horizon / scale);        // log P(N = 0)
        double survival = 1;                                          // E[(1 - p)^(m - 1)]
        double cumulativeSurvival = 0;                                // W_m
        double sum = 0;
        for (int m = 1; m <= MAX_TERMS; m++) {
            logPmf += Math.log((shape + m - 1) / m) + logQ;
            cumulativeSurvival += survival;
            survival *= (bPosterior + m - 1) / (a + bPosterior + m - 1);
            double term = Math.exp(logPmf) * cumulativeSurvival;
            sum += term;
            // W grows at most by (m + 1) / m a step and the NBD ratio never exceeds this bound later on,
            // so the tail is below a geometric series once the bound drops under 1.
            double ratioBound = q * Math.max(1, (shape + m) / (m + 1)) * (m + 1) / m;
            if (ratioBound < 1 && term * ratioBound / (1 - ratioBound) <= RELATIVE_TOLERANCE * sum) {
                return sum;
            }
        }
        throw new ArithmeticException("expected purchases did not converge: shape=" + shape + " scale=" + scale
                + " horizon=" + horizon);
    }
}
