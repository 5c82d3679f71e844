package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.ingest.FieldError;

import java.util.List;
import java.util.Optional;

/** A CDP request body: one message, or the batch form {@code {"batch": [...]}}. */
public sealed interface CdpRequest {

    /**
     * @param writeKey the body's {@code writeKey} (the spec allows it there instead of the
     *                 Authorization header), on the batch or on its first message
     * @param messages the messages, each without its {@code writeKey}: a secret is never stored with them
     */
    record Messages(Optional<String> writeKey, List<JsonNode> messages) implements CdpRequest {
        public Messages {
            messages = List.copyOf(messages);
        }
    }

    record BodyInvalid(List<FieldError> errors) implements CdpRequest {
        public BodyInvalid {
            errors = List.copyOf(errors);
        }
    }

    /** The text of one message, for keeping it when it is refused. */
    static String text(JsonNode message) {
        return ContractJson.write(message);
    }
}
