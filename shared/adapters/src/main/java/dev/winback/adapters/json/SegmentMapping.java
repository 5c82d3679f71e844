package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.cdp.AnonymousIds;
import dev.winback.core.cdp.CdpMessage;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.Platform;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One message of the Segment spec (which RudderStack follows) onto event contract v1: the message's
 * {@code messageId} names the event (prefixed by its call, since Segment's own examples give a
 * track, a page and an identify the same id), {@code userId} is the customer (else the anonymous id's
 * customer), {@code timestamp} is {@code occurredAt} (its receipt when absent). The contract event is
 * then checked by the contract's own parser, so every rule of the contract holds here too; its
 * errors are reported under the message's field names.
 */
public final class SegmentMapping {

    static final List<String> CALLS = List.of("track", "identify", "page", "screen");

    private final EventJsonParser contract = new EventJsonParser();

    public CdpItem map(JsonNode message, Instant receivedAt) {
        if (message == null || !message.isObject()) {
            return new CdpItem.Invalid(null, List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "must be a JSON object")));
        }
        String messageId = textOrNull(message.path("messageId"));
        String call = textOrNull(message.path("type"));
        if ("group".equals(call) || "alias".equals(call)) {
            return new CdpItem.Ignored(messageId, "the " + call + " call has no counterpart in event contract v1");
        }
        if (call == null || !CALLS.contains(call)) {
            return invalid(messageId, "type", "must be one of track, identify, page, screen (group and alias are ignored)");
        }
        String userId = idOrNull(message.path("userId"));
        String anonymousId = idOrNull(message.path("anonymousId"));
        if (userId == null && anonymousId == null) {
            return invalid(messageId, "userId", "is required, or anonymousId instead");
        }
        Optional<Platform> platform = platformOf(message, call);
        Optional<CdpDraft> draft = switch (call) {
            case "page" -> Optional.of(session(Platform.WEB));
            case "screen" -> Optional.of(session(Platform.APP));
            case "identify" -> SegmentTraits.draft(message);
            default -> {
                String event = textOrNull(message.path("event"));
                if (event == null) yield null;
                yield SegmentTracks.draft(event, message.path("properties"), platform);
            }
        };
        if (draft == null) return invalid(messageId, "event", "is required on a track call");
        String customerId = userId != null ? userId : AnonymousIds.customerIdOf(anonymousId);
        boolean links = "identify".equals(call) && userId != null && anonymousId != null;
        if (links) {
            // A link is kept even without events, so both ids must pass the contract's customerId rules here.
            List<FieldError> ids = new java.util.ArrayList<>();
            ContractRules.CUSTOMER_ID.problemWith(userId).ifPresent(m -> ids.add(new FieldError("userId", m)));
            ContractRules.CUSTOMER_ID.problemWith(AnonymousIds.customerIdOf(anonymousId))
                    .ifPresent(m -> ids.add(new FieldError("anonymousId", m)));
            if (!ids.isEmpty()) return new CdpItem.Invalid(messageId, ids);
        }
        if (draft.isEmpty()) {
            if (links) return mapped(messageId, List.of(), userId, anonymousId);
            return new CdpItem.Ignored(messageId, "identify".equals(call) ? SegmentTraits.NOTHING_KEPT
                    : SegmentTracks.undrafted(textOrNull(message.path("event"))));
        }
        ObjectNode event = ContractJson.nodes().objectNode();
        event.put("eventId", call + ":" + (messageId != null ? messageId : contentId(message)));
        event.put("customerId", customerId);
        event.put("type", draft.get().type());
        JsonNode timestamp = message.path("timestamp");
        event.set("occurredAt", timestamp.isMissingNode() || timestamp.isNull()
                ? ContractJson.nodes().textNode(receivedAt.truncatedTo(ChronoUnit.MILLIS).toString()) : timestamp);
        draft.get().platform().or(() -> platform).ifPresent(p -> event.put("platform", p.wireName()));
        if (!draft.get().properties().isEmpty()) event.set("properties", draft.get().properties());
        return switch (contract.parse(event)) {
            case ParseResult.Parsed parsed -> links ? mapped(messageId, List.of(parsed.event()), userId, anonymousId)
                    : new CdpItem.Mapped(messageId, new CdpMessage.Events(List.of(parsed.event())));
            case ParseResult.Invalid bad -> new CdpItem.Invalid(messageId, bad.errors().stream()
                    .map(e -> new FieldError(messageField(e.field(), draft.get().messageField(), userId != null),
                            e.message())).toList());
        };
    }

    private static CdpItem mapped(String messageId, List<EngagementEvent> events, String userId, String anonymousId) {
        return new CdpItem.Mapped(messageId,
                new CdpMessage.Link(AnonymousIds.customerIdOf(anonymousId), userId, events));
    }

    private static CdpDraft session(Platform platform) {
        return CdpDraft.of("session_started", Optional.of(platform)).with("platform", platform.wireName());
    }

    /** A device or operating system in the context is an app; a page is the web. */
    private static Optional<Platform> platformOf(JsonNode message, String call) {
        JsonNode context = message.path("context");
        if ("screen".equals(call) || context.has("device") || context.has("os")) return Optional.of(Platform.APP);
        if ("page".equals(call) || context.has("page")) return Optional.of(Platform.WEB);
        return Optional.empty();
    }

    /** The contract's field as the message names it. */
    private static String messageField(String field, UnaryOperator<String> draftNames, boolean hasUserId) {
        String named = draftNames.apply(field);
        return switch (named) {
            case "eventId" -> "messageId";
            case "customerId" -> hasUserId ? "userId" : "anonymousId";
            case "occurredAt" -> "timestamp";
            case "platform" -> "context";
            default -> named;
        };
    }

    /** An id for a message sent without one: the same message sent again gets the same id. */
    private static String contentId(JsonNode message) {
        return "h-" + UUID.nameUUIDFromBytes(ContractJson.write(message).getBytes(StandardCharsets.UTF_8));
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
    }

    /** Ids may come as numbers from some libraries; they name the same customer as their text. */
    private static String idOrNull(JsonNode node) {
        return node.isIntegralNumber() ? node.asText() : textOrNull(node);
    }

    private static CdpItem invalid(String messageId, String field, String message) {
        return new CdpItem.Invalid(messageId, List.of(new FieldError(field, message)));
    }
}
