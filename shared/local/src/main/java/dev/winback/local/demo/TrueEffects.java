package dev.winback.local.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ground truth of the simulated base: for each unit (a retention rule's campaign, or the naive
 * weekly policy), the chance that a customer it decided about returns within the conversion window
 * without the message ({@code base}), and what the message adds to it ({@code effect}, absolute; the
 * true lift the measurement should find). A held-out customer returns with the base chance, a treated
 * one with base + effect.
 */
public record TrueEffects(Map<String, Truth> units) {

    /** The rule whose message drives customers away: the guardrail should pause it. */
    public static final String NEGATIVE_RULE = "come-back-after-uninstall";
    /** The rule whose message changes nothing. */
    public static final String ZERO_RULE = "lapse-timely-sale";
    /** The baseline policy: everyone at risk gets the generic win-back message weekly. */
    public static final String WEEKLY_UNIT = "weekly-at-risk";

    /** One unit's truth: return chances are probabilities, so base and base + effect stay in [0, 1]. */
    public record Truth(double base, double effect) {
        public Truth {
            if (!(base >= 0 && base <= 1 && base + effect >= 0 && base + effect <= 1)) {
                throw new IllegalArgumentException("return chances must be in [0, 1]: base " + base + ", effect " + effect);
            }
        }

        public double treated() {
            return base + effect;
        }
    }

    public TrueEffects {
        units = Map.copyOf(units);
        units.keySet().forEach(Objects::requireNonNull);
    }

    /**
     * A rule that works, one that does nothing, one that hurts, and the weekly baseline, whose generic
     * message works, less than the targeted one. The negative effect is strong enough that
     * its interval lies below zero at the default size with the holdouts the simulation uses.
     */
    public static TrueEffects defaults() {
        Map<String, Truth> units = new LinkedHashMap<>();
        units.put("lapsed-any-channel", new Truth(0.20, 0.12));
        units.put(ZERO_RULE, new Truth(0.25, 0.0));
        units.put(NEGATIVE_RULE, new Truth(0.30, -0.15));
        units.put(WEEKLY_UNIT, new Truth(0.20, 0.04));
        return new TrueEffects(units);
    }

    public Optional<Truth> of(String unit) {
        return Optional.ofNullable(units.get(unit));
    }
}
