package dev.winback.local.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.local.report.RetentionReport.RocCurve;
import dev.winback.local.report.RetentionReport.RocPoint;
import dev.winback.local.report.RetentionReport.RuleLift;
import dev.winback.local.report.RetentionReport.StateSample;
import dev.winback.local.report.RetentionReport.WeeklyActivity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The report's figures as JSON, the same the HTML draws; figures that are undefined are null. */
final class ReportJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ReportJson() {
    }

    static String write(RetentionReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("generatedAt", report.generatedAt().toString());
            g.writeStringField("from", report.from().toString());
            g.writeStringField("to", report.to().toString());
            g.writeArrayFieldStart("lifecycle");
            for (StateSample sample : report.lifecycle()) {
                g.writeStartObject();
                g.writeStringField("at", sample.at().toString());
                counts(g, "customersByState", sample.customersByState());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("weekly");
            for (WeeklyActivity week : report.weekly()) {
                g.writeStartObject();
                g.writeStringField("weekStart", week.weekStart().toString());
                g.writeNumberField("signals", week.signals());
                g.writeNumberField("actions", week.actions());
                g.writeNumberField("messages", week.messages());
                g.writeEndObject();
            }
            g.writeEndArray();
            counts(g, "messagesByChannel", report.messagesByChannel());
            counts(g, "decisionsByReason", report.decisionsByReason());
            g.writeArrayFieldStart("lifts");
            for (RuleLift lift : report.lifts()) liftObject(g, lift);
            g.writeEndArray();
            g.writeArrayFieldStart("rocCurves");
            for (RocCurve curve : report.rocCurves()) {
                g.writeStartObject();
                g.writeStringField("name", curve.name());
                number(g, "auc", curve.auc());
                g.writeArrayFieldStart("points");
                for (RocPoint point : curve.points()) {
                    g.writeStartArray();
                    g.writeNumber(point.falsePositiveRate());
                    g.writeNumber(point.truePositiveRate());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void liftObject(JsonGenerator g, RuleLift lift) throws IOException {
        g.writeStartObject();
        g.writeStringField("unit", lift.unit());
        g.writeNumberField("treated", lift.treated());
        number(g, "treatedRate", lift.treatedRate());
        g.writeNumberField("holdout", lift.holdout());
        number(g, "holdoutRate", lift.holdoutRate());
        number(g, "lift", lift.lift());
        number(g, "liftLower", lift.lower());
        number(g, "liftUpper", lift.upper());
        g.writeNumberField("messages", lift.messages());
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String field, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Long> entry : counts.entrySet()) g.writeNumberField(entry.getKey(), entry.getValue());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) g.writeNumberField(field, value);
        else g.writeNullField(field);
    }
}
