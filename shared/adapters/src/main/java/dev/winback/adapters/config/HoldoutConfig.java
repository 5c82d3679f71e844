package dev.winback.adapters.config;

import dev.winback.core.outcome.HoldoutShares;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The holdout shares from the environment: {@code WINBACK_HOLDOUT_GLOBAL_SHARE} of everyone in the
 * control group (default 0.05), {@code WINBACK_HOLDOUT_UNIT_SHARE} of the rest held out of each
 * rule's campaign and journey (default 0.10), and {@code WINBACK_HOLDOUT_UNIT_SHARES} for units of
 * their own ({@code unit=share,unit=share}). 0 turns a group off; every share is below 0.5.
 */
public final class HoldoutConfig {

    public static final String GLOBAL_SHARE = "WINBACK_HOLDOUT_GLOBAL_SHARE";
    public static final String UNIT_SHARE = "WINBACK_HOLDOUT_UNIT_SHARE";
    public static final String UNIT_SHARES = "WINBACK_HOLDOUT_UNIT_SHARES";
    /** No holdouts: what fixtures that are not about measurement set. */
    public static final Map<String, String> OFF = Map.of(GLOBAL_SHARE, "0", UNIT_SHARE, "0");

    private HoldoutConfig() {
    }

    /** @throws IllegalStateException naming the variable that is not a share from 0 to below 0.5 */
    public static HoldoutShares fromEnvironment(Map<String, String> env) {
        double global = share(env, GLOBAL_SHARE, HoldoutShares.DEFAULT_GLOBAL);
        double unit = share(env, UNIT_SHARE, HoldoutShares.DEFAULT_UNIT);
        Map<String, Double> perUnit = new LinkedHashMap<>();
        String list = env.get(UNIT_SHARES);
        if (list != null && !list.isBlank()) {
            for (String pair : list.split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0 || pair.substring(0, equals).isBlank()) {
                    throw new IllegalStateException(UNIT_SHARES + " must list unit=share pairs separated by commas");
                }
                String unitId = pair.substring(0, equals).trim();
                perUnit.put(unitId, parse(UNIT_SHARES + " (" + unitId + ")", pair.substring(equals + 1)));
            }
        }
        return new HoldoutShares(global, unit, perUnit);
    }

    private static double share(Map<String, String> env, String name, double fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : parse(name, value);
    }

    private static double parse(String name, String value) {
        double share;
        try {
            share = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a number from 0 to below 0.5, such as 0.05", e);
        }
        if (!(share >= 0 && share < 0.5)) {
            throw new IllegalStateException(name + " must be a number from 0 to below 0.5, was " + value.trim());
        }
        return share;
    }
}
