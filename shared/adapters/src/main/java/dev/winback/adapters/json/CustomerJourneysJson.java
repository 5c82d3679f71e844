package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.journey.CustomerJourneys;
import dev.winback.core.journey.JourneyHistory;
import dev.winback.core.journey.JourneyRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer's journeys as the store keeps them. The item is written on every step a journey takes,
 * so the names are short (write units are billed per KB) and empty parts are left out; messages not
 * yet handed over are stored as delivery requests ({@link DeliveryJson}). Streaming writes and tree
 * reads, no reflection.
 *
 * <pre>
 * {"format":1,"id":"c-1",
 *  "runs":[{"journey":"review","key":"o-9","entry":1,"def":3,"trigAt":…,"inAt":…,"step":"ask","stepAt":…,
 *           "dueAt":…,"ctx":{"orderId":"o-9"}}],
 *  "hist":{"review|o-9":{"n":1,"trigAt":…,"inAt":…,"exitAt":…,"exit":"completed"}},
 *  "annual":{"birthday":…},
 *  "seen":["e-1","e-2"],
 *  "unpublished":[{delivery request}]}
 * </pre>
 */
public final class CustomerJourneysJson {

    /** Bumped when the stored layout changes incompatibly; readers reject what they do not know. */
    public static final int FORMAT = 1;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    private CustomerJourneysJson() {
    }

    public static byte[] toBytes(CustomerJourneys journeys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, journeys);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a customer's journeys", e);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the document is not a customer's journeys of a known format */
    public static CustomerJourneys fromBytes(byte[] json) {
        JsonNode n;
        try {
            n = TREE.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a customer's journeys must be JSON", e);
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("a customer's journeys must be a JSON object");
        int format = n.path("format").asInt(-1);
        if (format != FORMAT) throw new IllegalArgumentException("unknown journeys format " + n.path("format"));
        List<JourneyRun> runs = new ArrayList<>();
        n.path("runs").forEach(r -> runs.add(readRun(r)));
        Map<String, JourneyHistory> history = new LinkedHashMap<>();
        n.path("hist").properties().forEach(e -> history.put(e.getKey(), readHistory(e.getValue())));
        Map<String, Instant> annual = new LinkedHashMap<>();
        n.path("annual").properties().forEach(e -> annual.put(e.getKey(), IsoInstants.parse(e.getValue().asText())));
        List<String> seen = new ArrayList<>();
        n.path("seen").forEach(id -> seen.add(id.asText()));
        List<DeliveryRequest> unpublished = new ArrayList<>();
        n.path("unpublished").forEach(r -> unpublished.add(DeliveryJson.readRequest(r)));
        return new CustomerJourneys(text(n, "id"), runs, history, annual, seen, unpublished);
    }

    private static void write(JsonGenerator g, CustomerJourneys journeys) throws IOException {
        g.writeStartObject();
        g.writeNumberField("format", FORMAT);
        g.writeStringField("id", journeys.customerId());
        if (!journeys.runs().isEmpty()) {
            g.writeArrayFieldStart("runs");
            for (JourneyRun run : journeys.runs()) writeRun(g, run);
            g.writeEndArray();
        }
        if (!journeys.history().isEmpty()) {
            g.writeObjectFieldStart("hist");
            for (Map.Entry<String, JourneyHistory> e : new TreeMap<>(journeys.history()).entrySet()) {
                g.writeFieldName(e.getKey());
                writeHistory(g, e.getValue());
            }
            g.writeEndObject();
        }
        if (!journeys.annual().isEmpty()) {
            g.writeObjectFieldStart("annual");
            for (Map.Entry<String, Instant> e : new TreeMap<>(journeys.annual()).entrySet()) {
                g.writeStringField(e.getKey(), IsoInstants.format(e.getValue()));
            }
            g.writeEndObject();
        }
        if (!journeys.seenEvents().isEmpty()) {
            g.writeArrayFieldStart("seen");
            for (String id : journeys.seenEvents()) g.writeString(id);
            g.writeEndArray();
        }
        if (!journeys.unpublished().isEmpty()) {
            g.writeArrayFieldStart("unpublished");
            for (DeliveryRequest request : journeys.unpublished()) DeliveryJson.writeRequest(g, request);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeRun(JsonGenerator g, JourneyRun run) throws IOException {
        g.writeStartObject();
        g.writeStringField("journey", run.journeyId());
        g.writeStringField("key", run.key());
        g.writeNumberField("entry", run.entry());
        g.writeNumberField("def", run.definitionVersion());
        g.writeStringField("trigAt", IsoInstants.format(run.triggeredAt()));
        g.writeStringField("inAt", IsoInstants.format(run.enteredAt()));
        g.writeStringField("step", run.stepId());
        g.writeStringField("stepAt", IsoInstants.format(run.stepSince()));
        if (run.dueAt().isPresent()) g.writeStringField("dueAt", IsoInstants.format(run.dueAt().get()));
        if (!run.context().isEmpty()) {
            g.writeObjectFieldStart("ctx");
            for (Map.Entry<String, String> e : new TreeMap<>(run.context()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static JourneyRun readRun(JsonNode r) {
        Map<String, String> context = new LinkedHashMap<>();
        r.path("ctx").properties().forEach(e -> context.put(e.getKey(), e.getValue().asText()));
        return new JourneyRun(text(r, "journey"), text(r, "key"), number(r, "entry"), number(r, "def"),
                instant(r, "trigAt"), instant(r, "inAt"), text(r, "step"), instant(r, "stepAt"),
                optionalInstant(r, "dueAt"), context);
    }

    private static void writeHistory(JsonGenerator g, JourneyHistory h) throws IOException {
        g.writeStartObject();
        g.writeNumberField("n", h.entries());
        g.writeStringField("trigAt", IsoInstants.format(h.lastTriggeredAt()));
        g.writeStringField("inAt", IsoInstants.format(h.lastEnteredAt()));
        if (h.lastExit().isPresent()) g.writeStringField("exitAt", IsoInstants.format(h.lastExit().get()));
        if (h.lastExitReason().isPresent()) g.writeStringField("exit", h.lastExitReason().get());
        g.writeEndObject();
    }

    private static JourneyHistory readHistory(JsonNode h) {
        return new JourneyHistory(number(h, "n"), instant(h, "trigAt"), instant(h, "inAt"),
                optionalInstant(h, "exitAt"), h.hasNonNull("exit") ? Optional.of(h.get("exit").asText()) : Optional.empty());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(field + " must be a string");
        return v.asText();
    }

    private static int number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) throw new IllegalArgumentException(field + " must be a whole number");
        return v.asInt();
    }

    private static Instant instant(JsonNode n, String field) {
        return IsoInstants.parse(text(n, field));
    }

    private static Optional<Instant> optionalInstant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(instant(n, field)) : Optional.empty();
    }
}
