package dev.winback.core.outcome;

import java.util.Map;
import java.util.Objects;

/**
 * How many customers are withheld: {@code global} of everyone from all marketing (the control
 * group), and of the rest, {@code unit} from each unit's marketing, or the unit's own share where
 * {@code perUnit} names one. 0 turns a group off; a share must stay below a half, where the
 * "holdout" would be the treated group.
 */
public record HoldoutShares(double global, double unit, Map<String, Double> perUnit) {

    public static final double DEFAULT_GLOBAL = 0.05;
    public static final double DEFAULT_UNIT = 0.10;
    public static final HoldoutShares DEFAULTS = new HoldoutShares(DEFAULT_GLOBAL, DEFAULT_UNIT, Map.of());
    /** Nobody withheld: for tests that are not about measurement. */
    public static final HoldoutShares NONE = new HoldoutShares(0, 0, Map.of());

    public HoldoutShares {
        check("the global holdout share", global);
        check("the unit holdout share", unit);
        perUnit = Map.copyOf(perUnit);
        perUnit.forEach((name, share) -> check("the holdout share of " + Objects.requireNonNull(name, "unit"), share));
    }

    public HoldoutShares(double global, double unit) {
        this(global, unit, Map.of());
    }

    public double unitShare(String unitId) {
        return perUnit.getOrDefault(unitId, unit);
    }

    /** Whether nobody is ever withheld (then the key is not needed). */
    public boolean none() {
        return global == 0 && unit == 0 && perUnit.values().stream().allMatch(share -> share == 0);
    }

    private static void check(String what, Double share) {
        if (share == null || !(share >= 0 && share < 0.5)) {
            throw new IllegalArgumentException(what + " must be at least 0 and below 0.5, was " + share);
        }
    }
}
