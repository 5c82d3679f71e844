package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.guardrail.UnitState;
import dev.winback.core.outcome.LiftEstimate;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcome report's JSON (GET /v1/reports/rules): per unit, each group's size, conversions, rate
 * and revenue per customer, the lift with its interval, and messages per retained customer.
 * Figures that are undefined (a group nobody is in yet) are null.
 */
public final class OutcomeJson {

    private OutcomeJson() {
    }

    public static void writeReport(JsonGenerator g, LocalDate from, LocalDate to, List<LiftEstimate> estimates)
            throws IOException {
        writeReport(g, from, to, estimates, Map.of());
    }

    /** @param guardrails the units' guardrail states by unit ({@link GuardrailJson#writeState}) */
    public static void writeReport(JsonGenerator g, LocalDate from, LocalDate to, List<LiftEstimate> estimates,
                                   Map<String, UnitState> guardrails) throws IOException {
        g.writeStartObject();
        g.writeStringField("from", from.toString());
        g.writeStringField("to", to.toString());
        g.writeStringField("interval", "wald-95");
        g.writeArrayFieldStart("units");
        for (LiftEstimate e : estimates) {
            g.writeStartObject();
            g.writeStringField("unit", e.unit());
            writeGroup(g, "treated", e.treated());
            writeGroup(g, "holdout", e.comparison());
            number(g, "lift", e.lift());
            number(g, "liftLower", e.lower());
            number(g, "liftUpper", e.upper());
            g.writeNumberField("messages", e.messages());
            number(g, "messagesPerRetained", e.messagesPerRetained());
            GuardrailJson.writeState(g, guardrails.get(e.unit()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeGroup(JsonGenerator g, String name, LiftEstimate.Group group) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("exposed", group.exposed());
        g.writeNumberField("converted", group.converted());
        number(g, "rate", group.rate());
        g.writeObjectFieldStart("revenuePerCustomer");
        for (Map.Entry<String, BigDecimal> entry : group.revenuePerCustomer().entrySet()) {
            g.writeFieldName(entry.getKey());
            g.writeNumber(entry.getValue().setScale(2, java.math.RoundingMode.HALF_EVEN));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) g.writeNumberField(field, value);
        else g.writeNullField(field);
    }
}
