package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.json.ContractJson.JsonReading;
import dev.winback.core.ingest.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a Segment/RudderStack request body into its messages and the write key it may carry. */
public final class CdpRequestParser {

    static final String BATCH = "batch";
    static final String WRITE_KEY = "writeKey";

    public CdpRequest parse(String body) {
        return switch (ContractJson.read(body)) {
            case JsonReading.WellFormed wellFormed -> parse(wellFormed.node());
            case JsonReading.Malformed malformed -> new CdpRequest.BodyInvalid(List.of(malformed.asFieldError()));
        };
    }

    private CdpRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            return invalid(FieldError.WHOLE_DOCUMENT, "must be a JSON object: one message, or {\"batch\": [...]}");
        }
        Optional<String> writeKey = writeKeyOf(body);
        JsonNode batch = body.get(BATCH);
        if (batch == null) {
            return new CdpRequest.Messages(writeKey, List.of(withoutWriteKey(body)));
        }
        if (!batch.isArray() || batch.isEmpty()) return invalid(BATCH, "must be an array of 1 or more messages");
        if (batch.size() > ContractRules.MAX_EVENTS_PER_REQUEST) {
            return invalid(BATCH, "must hold at most " + ContractRules.MAX_EVENTS_PER_REQUEST + " messages, not "
                    + batch.size() + "; send them in several requests");
        }
        List<JsonNode> messages = new ArrayList<>();
        for (JsonNode message : batch) {
            if (writeKey.isEmpty()) writeKey = writeKeyOf(message);
            messages.add(withoutWriteKey(message));
        }
        return new CdpRequest.Messages(writeKey, messages);
    }

    private static Optional<String> writeKeyOf(JsonNode node) {
        JsonNode key = node.path(WRITE_KEY);
        return key.isTextual() ? Optional.of(key.textValue()) : Optional.empty();
    }

    private static JsonNode withoutWriteKey(JsonNode node) {
        if (!node.isObject() || !node.has(WRITE_KEY)) return node;
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(WRITE_KEY);
        return copy;
    }

    private static CdpRequest invalid(String field, String message) {
        return new CdpRequest.BodyInvalid(List.of(new FieldError(field, message)));
    }
}
