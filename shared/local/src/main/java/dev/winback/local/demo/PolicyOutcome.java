package dev.winback.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one policy achieved on the ground-truth base: per unit with a known truth, the figures the
 * engine reported ({@code GET /v1/reports/rules}) and what the simulation drew.
 */
public record PolicyOutcome(String policy, TrueEffects truth, Map<String, Measured> units,
                            Map<String, ClosedLoop.Tally> drawn, long eventsFed, double seconds) {

    /** One unit's reported figures. */
    public record Measured(String unit, long treated, long treatedConverted, long holdout, long holdoutConverted,
                           double lift, double lower, double upper, long messages, boolean paused,
                           String pauseReason) {

        static Measured from(JsonNode unit) {
            return new Measured(unit.path("unit").asText(), unit.at("/treated/exposed").asLong(),
                    unit.at("/treated/converted").asLong(), unit.at("/holdout/exposed").asLong(),
                    unit.at("/holdout/converted").asLong(), number(unit.path("lift")),
                    number(unit.path("liftLower")), number(unit.path("liftUpper")), unit.path("messages").asLong(),
                    unit.path("paused").asBoolean(false), unit.at("/pause/reason").asText(""));
        }

        private static double number(JsonNode value) {
            return value.isNumber() ? value.asDouble() : Double.NaN;
        }

        public boolean covers(double trueLift) {
            return lower <= trueLift && trueLift <= upper;
        }
    }

    /** The units of the report that have a truth, in the truth's order. */
    static PolicyOutcome of(String policy, TrueEffects truth, JsonNode report, Map<String, ClosedLoop.Tally> drawn,
                            long eventsFed, double seconds) {
        Map<String, Measured> byUnit = new LinkedHashMap<>();
        Map<String, Measured> reported = new LinkedHashMap<>();
        for (JsonNode unit : report.path("units")) reported.put(unit.path("unit").asText(), Measured.from(unit));
        truth.units().keySet().stream().sorted().forEach(unit -> {
            Measured m = reported.get(unit);
            if (m != null && m.treated() + m.holdout() > 0) byUnit.put(unit, m);
        });
        return new PolicyOutcome(policy, truth, Map.copyOf(byUnit), Map.copyOf(drawn), eventsFed, seconds);
    }

    /** Messages sent by the policy's units. */
    public long messages() {
        return units.values().stream().mapToLong(Measured::messages).sum();
    }

    /** Treated customers who came back within their window, as the counters attributed them. */
    public long retained() {
        return units.values().stream().mapToLong(Measured::treatedConverted).sum();
    }

    /** Retained customers per message sent. */
    public double retainedPerMessage() {
        return messages() == 0 ? 0 : (double) retained() / messages();
    }

    /**
     * Customers who came back because of a message (the measured lift times the treated group, per
     * unit), per message sent: what the messages bought beyond what would have happened anyway.
     */
    public double incrementalPerMessage() {
        double incremental = units.values().stream()
                .filter(m -> Double.isFinite(m.lift())).mapToDouble(m -> m.lift() * m.treated()).sum();
        return messages() == 0 ? 0 : incremental / messages();
    }
}
