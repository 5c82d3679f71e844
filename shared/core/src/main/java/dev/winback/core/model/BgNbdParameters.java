package dev.winback.core.model;

/**
 * Population parameters shared by BG/NBD and MBG/NBD: purchase rates are Gamma(r, alpha) across
 * customers, dropout probabilities Beta(a, b). Rates are per time unit of the summaries (weeks).
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    public BgNbdParameters {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    /**
     * Priors for a base too small to fit: the published CDNow estimates (Fader, Hardie and Lee 2005),
     * rounded. They describe occasional retail buyers in weeks: about one purchase every 18 weeks
     * (alpha / r) and a dropout chance after each purchase of about a quarter (a / (a + b)).
     */
    public static BgNbdParameters defaults() {
        return new BgNbdParameters(0.25, 4.4, 0.8, 2.4);
    }

    static BgNbdParameters fromLogs(double[] logs) {
        return new BgNbdParameters(Math.exp(logs[0]), Math.exp(logs[1]), Math.exp(logs[2]), Math.exp(logs[3]));
    }

    double[] logs() {
        return new double[] {Math.log(r), Math.log(alpha), Math.log(a), Math.log(b)};
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }
}
