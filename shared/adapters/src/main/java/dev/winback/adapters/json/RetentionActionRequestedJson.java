package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link ActionRequest} as the {@code detail} of an EventBridge event with detail-type
 * {@value #DETAIL_TYPE}. Streaming writes, no reflection. The shape, version {@value #SCHEMA_VERSION}
 * (a full sample is in the adapters' test resources, {@code playbook/retention-action-requested.json}):
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "idempotencyKey": "64 lower-case hex digits; the same for every request of one transition",
 *   "customerId": "the opaque customer id",
 *   "signal": {
 *     "type": "email_withdrawn",                  // a signal type's wire name
 *     "since": "2026-11-20T08:00:00Z",            // when the signal became true (ISO-8601, UTC)
 *     "explanation": "why, in words, without personal data"
 *   },
 *   "action": "permission_renewal",               // a retention action's wire name
 *   "campaignId": "email-permission-renewal",
 *   "channelPlan": ["in_app", "push", "sms"],     // in order of preference; empty when not a message
 *   "purpose": "marketing",                       // or "transactional"
 *   "requestedAt": "2026-11-23T10:15:30Z",
 *   "playbookVersion": "2026-11-1"
 * }
 * }</pre>
 *
 * Consumers deduplicate on {@code idempotencyKey} and re-check consent, preferences and caps at
 * send time; the plan is a choice made earlier, not a permission.
 */
public final class RetentionActionRequestedJson {

    public static final String DETAIL_TYPE = "RetentionActionRequested";
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    private RetentionActionRequestedJson() {
    }

    public static String toDetail(ActionRequest request) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("idempotencyKey", request.idempotencyKey());
            g.writeStringField("customerId", request.customerId());
            g.writeObjectFieldStart("signal");
            g.writeStringField("type", request.signalType().wireName());
            g.writeStringField("since", request.signalSince().toString());
            g.writeStringField("explanation", request.signalExplanation());
            g.writeEndObject();
            g.writeStringField("action", request.action().wireName());
            g.writeStringField("campaignId", request.campaignId());
            g.writeArrayFieldStart("channelPlan");
            for (Channel channel : request.channelPlan()) g.writeString(channel.wireName());
            g.writeEndArray();
            g.writeStringField("purpose", request.purpose().wireName());
            g.writeStringField("requestedAt", request.requestedAt().toString());
            g.writeStringField("playbookVersion", request.playbookVersion().toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a RetentionActionRequested detail", e);
        }
        return out.toString();
    }

    /**
     * Reads back a detail this class wrote (the outbox keeps requests in this shape until they are
     * published). Not a validator for details from elsewhere: an unknown name is a bug and throws.
     */
    public static ActionRequest fromDetail(String detail) {
        JsonNode n;
        try {
            n = TREE.readTree(detail);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a RetentionActionRequested detail", e);
        }
        int version = n.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("unknown RetentionActionRequested schema version " + version);
        }
        List<Channel> plan = new ArrayList<>();
        n.path("channelPlan").forEach(channel -> plan.add(WireNames.lookup(Channel.class, channel.asText()).orElseThrow()));
        String playbookVersion = n.path("playbookVersion").asText();
        return new ActionRequest(
                n.path("idempotencyKey").asText(),
                n.path("customerId").asText(),
                WireNames.lookup(SignalType.class, n.at("/signal/type").asText()).orElseThrow(),
                Instant.parse(n.at("/signal/since").asText()),
                n.at("/signal/explanation").asText(),
                WireNames.lookup(RetentionAction.class, n.path("action").asText()).orElseThrow(),
                n.path("campaignId").asText(),
                plan,
                WireNames.lookup(Purpose.class, n.path("purpose").asText()).orElseThrow(),
                Instant.parse(n.path("requestedAt").asText()),
                PlaybookVersion.parse(playbookVersion).orElseThrow(
                        () -> new IllegalArgumentException("bad playbook version " + playbookVersion)));
    }
}
