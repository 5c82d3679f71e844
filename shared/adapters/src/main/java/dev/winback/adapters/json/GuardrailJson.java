package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.guardrail.GuardrailFigures;
import dev.winback.core.guardrail.UnitPause;
import dev.winback.core.guardrail.UnitState;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The guardrails' JSON: a unit's state in the rule report ({@code "paused"}, and while paused
 * {@code "pause": {"reason", "pausedAt", "figures"}}; {@code "resumedAt"} once resumed) and the
 * details of the {@code RulePaused} and {@code RuleResumed} events. Undefined figures are null.
 */
public final class GuardrailJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private GuardrailJson() {
    }

    /** The unit's guardrail fields, inside its object of the report; a unit never paused is running. */
    public static void writeState(JsonGenerator g, UnitState state) throws IOException {
        g.writeBooleanField("paused", state != null && state.paused());
        if (state == null) return;
        if (state.pause().isPresent()) {
            g.writeFieldName("pause");
            writePause(g, state.pause().get());
        }
        if (state.resumedAt().isPresent()) g.writeStringField("resumedAt", state.resumedAt().get().toString());
    }

    public static void writePause(JsonGenerator g, UnitPause pause) throws IOException {
        g.writeStartObject();
        g.writeStringField("reason", pause.reason().wireName());
        g.writeStringField("pausedAt", pause.pausedAt().toString());
        g.writeFieldName("figures");
        writeFigures(g, pause.figures());
        g.writeEndObject();
    }

    public static void writeFigures(JsonGenerator g, GuardrailFigures f) throws IOException {
        g.writeStartObject();
        g.writeStringField("from", f.from().toString());
        g.writeStringField("to", f.to().toString());
        g.writeNumberField("decisions", f.decisions());
        g.writeNumberField("treated", f.treated());
        g.writeNumberField("holdout", f.holdout());
        number(g, "lift", f.lift());
        number(g, "liftLower", f.liftLower());
        number(g, "liftUpper", f.liftUpper());
        g.writeNumberField("messages", f.messages());
        g.writeNumberField("unsubscribed", f.unsubscribed());
        g.writeNumberField("complained", f.complained());
        number(g, "unsubscribeRate", f.unsubscribeRate());
        number(g, "complaintRate", f.complaintRate());
        g.writeEndObject();
    }

    /** {@code {"schemaVersion":1,"type":"rule_paused","unit","reason","pausedAt","figures"}}. */
    public static String pausedDetail(UnitPause pause) {
        return detail(g -> {
            g.writeStringField("type", "rule_paused");
            g.writeStringField("unit", pause.unit());
            g.writeStringField("reason", pause.reason().wireName());
            g.writeStringField("pausedAt", pause.pausedAt().toString());
            g.writeFieldName("figures");
            writeFigures(g, pause.figures());
        });
    }

    /** {@code {"schemaVersion":1,"type":"rule_resumed","unit","resumedAt","pause":{…the pause it ended}}}. */
    public static String resumedDetail(UnitPause ended, Instant at) {
        return detail(g -> {
            g.writeStringField("type", "rule_resumed");
            g.writeStringField("unit", ended.unit());
            g.writeStringField("resumedAt", at.toString());
            g.writeFieldName("pause");
            writePause(g, ended);
        });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String detail(Fields fields) {
        StringWriter out = new StringWriter(384);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a guardrail event", e);
        }
        return out.toString();
    }

    private static void number(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) g.writeNumberField(field, value);
        else g.writeNullField(field);
    }
}
