package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Tells an EventBridge envelope from a bare event. The queue behind the bus rule receives whole
 * envelopes while other senders put bare events on it, so one body can be either.
 */
public final class EnvelopeUnwrapper {

    public static final String DETAIL = "detail";
    public static final String DETAIL_TYPE = "detail-type";
    public static final String ENGAGEMENT_DETAIL_TYPE = "EngagementEvent";

    private EnvelopeUnwrapper() {
    }

    /** What a message body turned out to hold. */
    public sealed interface Unwrapped {
        record BareEvent(JsonNode event) implements Unwrapped {
            public BareEvent {
                Objects.requireNonNull(event, "event");
            }
        }

        /** An EventBridge envelope with detail-type EngagementEvent; {@code detail} is the event. */
        record EventBridgeDetail(JsonNode detail) implements Unwrapped {
            public EventBridgeDetail {
                Objects.requireNonNull(detail, "detail");
            }
        }

        /** An EventBridge envelope of some other detail-type: a misrouted event, not ours to read. */
        record OtherDetailType() implements Unwrapped {
        }
    }

    /** An object with both {@code detail-type} and {@code detail} is an envelope; anything else is taken as an event. */
    public static Unwrapped unwrap(JsonNode body) {
        Objects.requireNonNull(body, "body");
        if (!isEventBridgeEnvelope(body)) {
            return new Unwrapped.BareEvent(body);
        }
        JsonNode detailType = body.get(DETAIL_TYPE);
        if (!detailType.isTextual() || !detailType.textValue().equals(ENGAGEMENT_DETAIL_TYPE)) {
            return new Unwrapped.OtherDetailType();
        }
        return new Unwrapped.EventBridgeDetail(body.get(DETAIL));
    }

    public static boolean isEventBridgeEnvelope(JsonNode body) {
        return body != null && body.isObject() && body.has(DETAIL_TYPE) && body.has(DETAIL);
    }
}
