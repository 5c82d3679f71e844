package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.delivery.Attempt;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * JSON of delivery requests and ledger entries: the stored shape of a message (its version and key
 * live in the item's attributes) and what {@code GET /v1/customers/{id}/messages} shows. Streaming
 * writes, no reflection. Holds no address and no content: only what was decided and why.
 */
public final class DeliveryJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    private DeliveryJson() {
    }

    // ---- requests

    public static void writeRequest(JsonGenerator g, DeliveryRequest r) throws IOException {
        g.writeStartObject();
        g.writeStringField("customerId", r.customerId());
        g.writeStringField("campaignId", r.campaignId());
        g.writeStringField("step", r.step());
        g.writeStringField("slot", r.slot());
        g.writeStringField("purpose", r.purpose().wireName());
        g.writeStringField("category", r.category().wireName());
        g.writeArrayFieldStart("channels");
        for (Channel channel : r.channels()) g.writeString(channel.wireName());
        g.writeEndArray();
        g.writeStringField("requestedAt", r.requestedAt().toString());
        g.writeStringField("expiresAt", r.expiresAt().toString());
        g.writeStringField("receiptWait", r.receiptWait().toString());
        if (!r.variables().isEmpty()) {
            g.writeObjectFieldStart("variables");
            for (Map.Entry<String, String> v : new java.util.TreeMap<>(r.variables()).entrySet()) {
                g.writeStringField(v.getKey(), v.getValue());
            }
            g.writeEndObject();
        }
        g.writeStringField("measuredBy", r.measuredBy());
        if (r.localSendTime().isPresent()) g.writeStringField("localSendTime", r.localSendTime().get().toString());
        g.writeEndObject();
    }

    /**
     * A request queued or stored before {@code measuredBy} was written is measured by its journey or
     * campaign, as it would have been named then.
     *
     * @throws IllegalArgumentException naming the first field that is missing or wrong
     */
    public static DeliveryRequest readRequest(JsonNode n) {
        List<Channel> channels = new ArrayList<>();
        JsonNode plan = n.path("channels");
        if (!plan.isMissingNode() && !plan.isArray()) throw new IllegalArgumentException("channels must be an array");
        plan.forEach(c -> channels.add(channel(c.asText())));
        Map<String, String> variables = new LinkedHashMap<>();
        n.path("variables").properties().forEach(e -> variables.put(e.getKey(), e.getValue().asText()));
        String campaignId = text(n, "campaignId");
        String measuredBy = n.has("measuredBy") ? text(n, "measuredBy") : DeliveryRequest.unitOf(campaignId, variables);
        return new DeliveryRequest(text(n, "customerId"), campaignId, text(n, "step"), text(n, "slot"),
                purpose(text(n, "purpose")), category(text(n, "category")), channels, instant(n, "requestedAt"),
                instant(n, "expiresAt"), duration(n, "receiptWait"), variables, measuredBy, localDateTime(n, "localSendTime"));
    }

    // ---- ledger entries

    /** The stored shape: everything but the version and the key, which are item attributes. */
    public static byte[] entryBytes(LedgerEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeEntry(g, entry, false);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a ledger entry", e);
        }
        return out.toByteArray();
    }

    public static LedgerEntry readEntry(MessageKey key, long version, byte[] json) {
        JsonNode n;
        try {
            n = TREE.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a ledger entry", e);
        }
        List<Attempt> attempts = new ArrayList<>();
        n.path("attempts").forEach(a -> attempts.add(new Attempt(a.path("n").asInt(), channel(a.path("channel").asText()),
                a.path("messageId").asText(), Attempt.Status.valueOf(upper(a.path("status").asText())),
                Instant.parse(a.path("at").asText()), optionalText(a, "providerMessageId"),
                optionalText(a, "receiptAt").map(Instant::parse))));
        List<MessageDecision> decisions = new ArrayList<>();
        n.path("decisions").forEach(d -> decisions.add(new MessageDecision(Instant.parse(d.path("at").asText()),
                MessageDecision.Kind.valueOf(upper(d.path("kind").asText())),
                optionalText(d, "channel").map(DeliveryJson::channel),
                MessageDecision.Reason.valueOf(upper(d.path("reason").asText())), d.path("detail").asText())));
        return new LedgerEntry(key, readRequest(n.path("request")),
                LedgerStatus.valueOf(upper(n.path("status").asText())), attempts, decisions,
                optionalText(n, "timer").map(Instant::parse), optionalText(n, "leaseUntil").map(Instant::parse),
                n.has("awaiting") ? Optional.of(n.path("awaiting").asInt()) : Optional.empty(), version,
                Instant.parse(n.path("createdAt").asText()), Instant.parse(n.path("updatedAt").asText()));
    }

    /** @param forApi adds the message's id and version for readers */
    public static void writeEntry(JsonGenerator g, LedgerEntry e, boolean forApi) throws IOException {
        g.writeStartObject();
        if (forApi) {
            g.writeStringField("id", e.key().id());
            g.writeNumberField("version", e.version());
        }
        g.writeStringField("status", e.status().wireName());
        g.writeFieldName("request");
        writeRequest(g, e.request());
        g.writeArrayFieldStart("attempts");
        for (Attempt a : e.attempts()) {
            g.writeStartObject();
            g.writeNumberField("n", a.number());
            g.writeStringField("channel", a.channel().wireName());
            g.writeStringField("messageId", a.messageId());
            g.writeStringField("status", a.status().name().toLowerCase(Locale.ROOT));
            g.writeStringField("at", a.at().toString());
            if (a.providerMessageId().isPresent()) g.writeStringField("providerMessageId", a.providerMessageId().get());
            if (a.receiptAt().isPresent()) g.writeStringField("receiptAt", a.receiptAt().get().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("decisions");
        for (MessageDecision d : e.decisions()) writeDecision(g, d);
        g.writeEndArray();
        if (e.timer().isPresent()) g.writeStringField("timer", e.timer().get().toString());
        if (e.leaseUntil().isPresent()) g.writeStringField("leaseUntil", e.leaseUntil().get().toString());
        if (e.awaiting().isPresent()) g.writeNumberField("awaiting", e.awaiting().get());
        g.writeStringField("createdAt", e.createdAt().toString());
        g.writeStringField("updatedAt", e.updatedAt().toString());
        g.writeEndObject();
    }

    public static void writeDecision(JsonGenerator g, MessageDecision d) throws IOException {
        g.writeStartObject();
        g.writeStringField("at", d.at().toString());
        g.writeStringField("kind", d.kind().name().toLowerCase(Locale.ROOT));
        if (d.channel().isPresent()) g.writeStringField("channel", d.channel().get().wireName());
        g.writeStringField("reason", d.reason().wireName());
        g.writeStringField("detail", d.detail());
        g.writeEndObject();
    }

    /** The body of {@code GET /v1/customers/{id}/messages}. */
    public static byte[] messagesBody(String customerId, List<LedgerEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("customerId", customerId);
            g.writeArrayFieldStart("messages");
            for (LedgerEntry entry : entries) writeEntry(g, entry, true);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing messages", e);
        }
        return out.toByteArray();
    }

    // ---- reading helpers

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Instant instant(JsonNode n, String field) {
        try {
            return Instant.parse(text(n, field));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant", e);
        }
    }

    private static Optional<LocalDateTime> localDateTime(JsonNode n, String field) {
        if (!n.has(field)) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(text(n, field)));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 local date-time such as 2026-12-08T10:00", e);
        }
    }

    private static Duration duration(JsonNode n, String field) {
        try {
            return Duration.parse(text(n, field));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 duration such as PT4H", e);
        }
    }

    static Channel channel(String wire) {
        for (Channel c : Channel.values()) if (c.wireName().equals(wire)) return c;
        throw new IllegalArgumentException("unknown channel");
    }

    static Purpose purpose(String wire) {
        for (Purpose p : Purpose.OF_MESSAGES) if (p.wireName().equals(wire)) return p;
        throw new IllegalArgumentException("unknown purpose");
    }

    static MessageCategory category(String wire) {
        return MessageCategory.byWireName(wire).orElseThrow(() -> new IllegalArgumentException("unknown category"));
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
