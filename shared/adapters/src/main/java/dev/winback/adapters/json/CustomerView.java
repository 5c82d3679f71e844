package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.event.Channel;
import dev.winback.core.evaluation.EvaluationReport;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;
import dev.winback.core.record.SunsetState;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import static dev.winback.adapters.json.RecordFields.lower;
import static dev.winback.adapters.json.RecordFields.writeEpisode;

/**
 * The engagement record as {@code GET /v1/customers/{id}} and the export show it: the fields storage
 * holds too ({@link RecordFields}) without the duplicate-detection window, and the evaluation with
 * readable names and, given a report, its explanations and the next deadline's reason.
 */
public final class CustomerView {

    private static final JsonFactory FACTORY = new JsonFactory();

    private CustomerView() {
    }

    /** The view without the evaluation's words (the export's). */
    public static byte[] toBytes(EngagementRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        write(record, Optional.empty(), out);
        return out.toByteArray();
    }

    /** @param report the evaluation's explanations and deadline reason, written when it is of this evaluation */
    public static void write(EngagementRecord record, Optional<EvaluationReport> report, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            RecordFields.writeCommon(g, record);
            if (record.evaluation() instanceof Evaluation.Evaluated evaluated) {
                writeApiEvaluation(g, evaluated, report.filter(r -> r.evaluation().equals(evaluated)));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an engagement record", e);
        }
    }

    private static void writeApiEvaluation(JsonGenerator g, Evaluation.Evaluated e, Optional<EvaluationReport> report)
            throws IOException {
        g.writeObjectFieldStart("evaluation");
        g.writeStringField("state", lower(e.state().name()));
        g.writeStringField("since", IsoInstants.format(e.since()));
        g.writeNumberField("riskScore", e.score());
        g.writeStringField("evaluatedAt", IsoInstants.format(e.evaluatedAt()));
        g.writeArrayFieldStart("signals");
        for (int i = 0; i < e.signals().size(); i++) {
            EvaluatedSignal signal = e.signals().get(i);
            g.writeStartObject();
            g.writeStringField("type", signal.type().wireName());
            if (!signal.subject().isEmpty()) g.writeStringField("subject", signal.subject());
            g.writeStringField("strength", lower(signal.strength().name()));
            g.writeStringField("since", IsoInstants.format(signal.since()));
            if (report.isPresent()) g.writeStringField("explanation", report.get().signals().get(i).explanation());
            g.writeArrayFieldStart("actionKeys");
            for (String key : signal.actionKeys()) g.writeString(key);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("sunsets");
        for (Channel channel : Channel.values()) {
            switch (e.sunsets().state(channel)) {
                case SunsetState.Active active -> { }
                case SunsetState.LastChance lastChance -> {
                    g.writeObjectFieldStart(channel.wireName());
                    g.writeStringField("state", "last_chance");
                    g.writeStringField("lastChanceSentAt", IsoInstants.format(lastChance.sentAt()));
                    g.writeEndObject();
                }
                case SunsetState.Sunset sunset -> {
                    g.writeObjectFieldStart(channel.wireName());
                    g.writeStringField("state", "sunset");
                    g.writeStringField("lastChanceSentAt", IsoInstants.format(sunset.lastChanceSentAt()));
                    g.writeStringField("since", IsoInstants.format(sunset.since()));
                    g.writeEndObject();
                }
            }
        }
        g.writeEndObject();
        writeEpisode(g, e);
        if (e.next().isPresent()) {
            g.writeObjectFieldStart("nextDeadline");
            g.writeStringField("at", IsoInstants.format(e.next().get()));
            if (report.isPresent() && report.get().next().isPresent()) {
                g.writeStringField("reason", report.get().next().get().reason());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
