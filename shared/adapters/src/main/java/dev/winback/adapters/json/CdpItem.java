package dev.winback.adapters.json;

import dev.winback.core.cdp.CdpMessage;
import dev.winback.core.ingest.FieldError;

import java.util.List;

/** What one Segment/RudderStack message maps to. */
public sealed interface CdpItem {

    /** The message's {@code messageId} as sent, or null. */
    String messageId();

    record Mapped(String messageId, CdpMessage message) implements CdpItem {
    }

    /** Valid, but nothing in contract v1 stands for it (a track event Winback does not know, a group call). */
    record Ignored(String messageId, String reason) implements CdpItem {
    }

    /** Refused: every reason, naming the message's own fields. */
    record Invalid(String messageId, List<FieldError> errors) implements CdpItem {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
