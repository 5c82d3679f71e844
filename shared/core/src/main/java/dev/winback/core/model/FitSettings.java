package dev.winback.core.model;

/**
 * When a base is large enough to fit its own purchase model, and how much of it to use.
 *
 * @param minimumCustomers    below this, the defaults are used
 * @param minimumRepeatBuyers below this, the dropout parameters (a, b) are not identified: defaults
 * @param maximumCustomers    larger bases are sampled down to this many, which keeps a fit to seconds
 */
public record FitSettings(int minimumCustomers, int minimumRepeatBuyers, int maximumCustomers) {

    public FitSettings {
        if (minimumCustomers < 1 || minimumRepeatBuyers < 0) {
            throw new IllegalArgumentException("need minimumCustomers >= 1 and minimumRepeatBuyers >= 0");
        }
        if (maximumCustomers < minimumCustomers) {
            throw new IllegalArgumentException("maximumCustomers " + maximumCustomers + " is below minimumCustomers " + minimumCustomers);
        }
    }

    public static FitSettings defaults() {
        return new FitSettings(200, 30, 20_000);
    }
}
