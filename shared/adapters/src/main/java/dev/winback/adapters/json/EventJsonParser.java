package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.json.ContractJson.JsonReading;
import dev.winback.adapters.json.EnvelopeUnwrapper.Unwrapped;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads one event of contract v1 into the domain {@link EngagementEvent}, or names every invalid
 * field. Never throws on bad input. Unknown fields are refused at every level (see
 * {@code events/README.md} for why), exactly as the JSON Schema refuses them.
 */
public final class EventJsonParser {

    static final List<String> ENVELOPE_FIELDS =
            List.of("eventId", "customerId", "type", "occurredAt", "platform", "properties");
    private static final Choices<EventType> TYPES = Choices.of(List.of(EventType.values()), EventType::wireName);
    private static final Choices<Platform> PLATFORMS = Choices.of(List.of(Platform.values()), Platform::wireName);

    /** Text holding one bare event. */
    public ParseResult parse(String json) {
        return switch (ContractJson.read(json)) {
            case JsonReading.WellFormed wellFormed -> parse(wellFormed.node());
            case JsonReading.Malformed malformed -> ParseResult.Invalid.of(malformed.asFieldError());
        };
    }

    /**
     * One SQS message body: a bare event, or a whole EventBridge envelope (the bus rule forwards
     * envelopes), whose errors are then reported under {@code detail}.
     */
    public ParseResult parseMessageBody(String body) {
        return switch (ContractJson.read(body)) {
            case JsonReading.WellFormed wellFormed -> switch (EnvelopeUnwrapper.unwrap(wellFormed.node())) {
                case Unwrapped.BareEvent bare -> parse(bare.event());
                case Unwrapped.EventBridgeDetail envelope -> switch (parse(envelope.detail())) {
                    case ParseResult.Parsed parsed -> parsed;
                    case ParseResult.Invalid invalid -> invalid.under(EnvelopeUnwrapper.DETAIL);
                };
                case Unwrapped.OtherDetailType other -> ParseResult.Invalid.of(new FieldError(
                        EnvelopeUnwrapper.DETAIL_TYPE, "must be " + EnvelopeUnwrapper.ENGAGEMENT_DETAIL_TYPE));
            };
            case JsonReading.Malformed malformed -> ParseResult.Invalid.of(malformed.asFieldError());
        };
    }

    /**
     * One bare event as a tree. Read it with {@link ContractJson#read} so that amounts keep their
     * exact decimal digits; a tree from another mapper still parses, but 19.90 may come back as 19.9.
     */
    public ParseResult parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            return ParseResult.Invalid.of(new FieldError(FieldError.WHOLE_DOCUMENT,
                    "must be a JSON object, not " + (event == null ? "nothing" : FieldReader.describe(event))));
        }
        FieldReader in = new FieldReader();
        String eventId = in.text(event, "", "eventId", ContractRules.EVENT_ID);
        String customerId = in.text(event, "", "customerId", ContractRules.CUSTOMER_ID);
        EventType type = in.choice(event, "", "type", TYPES);
        Instant occurredAt = in.instant(event, "", "occurredAt");
        Optional<Platform> platform = in.optionalChoice(event, "", "platform", PLATFORMS);
        in.rejectUnknown(event, "", ENVELOPE_FIELDS, "is not a field of an engagement event");
        EventPayload payload = type == null ? null : new PropertiesParser(in).parse(type, event);
        if (payload instanceof EventPayload.SessionStarted session) {
            rejectPlatformMismatch(in, platform, session.platform());
        }
        if (in.failed()) {
            return new ParseResult.Invalid(eventId, in.errors(), in.omitted());
        }
        return new ParseResult.Parsed(new EngagementEvent(eventId, customerId, occurredAt, platform, payload));
    }

    /** A session happens in one place; an envelope that says otherwise is a sender bug worth hearing about. */
    private static void rejectPlatformMismatch(FieldReader in, Optional<Platform> envelope, Platform session) {
        if (envelope.isPresent() && envelope.get() != session) {
            in.reject("platform", "must match properties.platform (" + session.wireName()
                    + ") on session_started, or be left out");
        }
    }
}
