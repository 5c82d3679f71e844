package dev.winback.core.lifecycle;

import dev.winback.core.record.Strength;

/**
 * How much a signal the customer stated adds to the risk score, by strength: the probability-like
 * weight of one independent piece of evidence (see {@link RiskScore}).
 */
public record ScoreWeights(double weak, double medium, double strong) {

    public ScoreWeights {
        requireProbability("weak", weak);
        requireProbability("medium", medium);
        requireProbability("strong", strong);
        if (!(weak <= medium && medium <= strong)) {
            throw new IllegalArgumentException("need weak <= medium <= strong, was " + weak + ", " + medium + ", " + strong);
        }
    }

    public double of(Strength strength) {
        return switch (strength) {
            case WEAK -> weak;
            case MEDIUM -> medium;
            case STRONG -> strong;
        };
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
        }
    }
}
