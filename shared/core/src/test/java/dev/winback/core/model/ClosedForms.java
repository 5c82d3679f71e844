package dev.winback.core.model;

/**
 * The published closed forms of the conditional expectation, computed the textbook way (Gauss series
 * of 2F1), as an independent check of the models. Only valid where that series converges well.
 */
final class ClosedForms {

    private ClosedForms() {
    }

    /** Fader, Hardie and Lee (2005): E[Y(t) | x, t_x, T] with a 2F1 term. */
    static double bgNbdExpected(BgNbdParameters p, CustomerSummary c, double t) {
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        int x = c.frequency();
        double T = c.age();
        double z = t / (alpha + T + t);
        double numerator = (a + b + x - 1) / (a - 1)
                * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hypergeometric2F1(r + x, b + x, a + b + x - 1, z));
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + T) / (alpha + c.recency()), r + x) : 0);
        return numerator / denominator;
    }

    /** MBG/NBD after Wagner and Hoppe (2008), as implemented by the lifetimes library. */
    static double mbgNbdExpected(BgNbdParameters p, CustomerSummary c, double t) {
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        int x = c.frequency();
        double T = c.age();
        double z = t / (alpha + T + t);
        double numerator = (a + b + x) / (a - 1)
                * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hypergeometric2F1(r + x, b + x + 1, a + b + x, z));
        double denominator = 1 + a / (b + x) * Math.pow((alpha + T) / (alpha + c.recency()), r + x);
        return numerator / denominator;
    }

    static double hypergeometric2F1(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < 100_000; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge");
    }
}
