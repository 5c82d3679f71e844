package dev.winback.local.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.local.report.RetentionReport.RuleLift;

import java.util.ArrayList;
import java.util.List;

/** The lift per rule and journey from the outcome report's JSON, as {@code GET /v1/reports/rules} serves it. */
final class OutcomeFigures {

    private OutcomeFigures() {
    }

    /** The units anyone was exposed to, in the report's order; figures the route left null are NaN. */
    static List<RuleLift> lifts(JsonNode report) {
        List<RuleLift> lifts = new ArrayList<>();
        for (JsonNode unit : report.path("units")) {
            JsonNode treated = unit.path("treated");
            JsonNode holdout = unit.path("holdout");
            long treatedSize = treated.path("exposed").asLong();
            long holdoutSize = holdout.path("exposed").asLong();
            if (treatedSize + holdoutSize == 0) continue;
            lifts.add(new RuleLift(unit.path("unit").asText(), treatedSize, number(treated.path("rate")), holdoutSize,
                    number(holdout.path("rate")), number(unit.path("lift")), number(unit.path("liftLower")),
                    number(unit.path("liftUpper")), unit.path("messages").asLong()));
        }
        return lifts;
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
