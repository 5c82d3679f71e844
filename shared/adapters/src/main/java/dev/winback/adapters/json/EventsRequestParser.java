package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.json.ContractJson.JsonReading;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the HTTP API body {@code {"events": [...]}}: 1 to 500 events, each judged on its own so a
 * sender learns about every bad event in one round trip.
 */
public final class EventsRequestParser {

    static final String EVENTS = "events";

    private final EventJsonParser eventParser;

    public EventsRequestParser() {
        this(new EventJsonParser());
    }

    EventsRequestParser(EventJsonParser eventParser) {
        this.eventParser = eventParser;
    }

    public EventsRequestResult parse(String body) {
        return switch (ContractJson.read(body)) {
            case JsonReading.WellFormed wellFormed -> parse(wellFormed.node());
            case JsonReading.Malformed malformed -> new EventsRequestResult.BodyInvalid(List.of(malformed.asFieldError()));
        };
    }

    public EventsRequestResult parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new EventsRequestResult.BodyInvalid(List.of(new FieldError(FieldError.WHOLE_DOCUMENT,
                    "must be a JSON object such as {\"events\": [...]}, not "
                            + (body == null ? "nothing" : FieldReader.describe(body)))));
        }
        FieldReader in = new FieldReader();
        in.rejectUnknown(body, "", List.of(EVENTS), "is not a field of the request body, which holds only events");
        JsonNode events = in.required(body, "", EVENTS);
        if (events != null) {
            checkBatch(in, events);
        }
        if (in.failed()) {
            return new EventsRequestResult.BodyInvalid(in.errors(), in.omitted());
        }
        List<ParseResult> results = new ArrayList<>(events.size());
        events.forEach(event -> results.add(eventParser.parse(event)));
        return new EventsRequestResult.Events(results);
    }

    private static void checkBatch(FieldReader in, JsonNode events) {
        if (!events.isArray()) {
            in.reject(EVENTS, "must be an array of events, not " + FieldReader.describe(events));
        } else if (events.isEmpty()) {
            in.reject(EVENTS, "must hold at least 1 event");
        } else if (events.size() > ContractRules.MAX_EVENTS_PER_REQUEST) {
            in.reject(EVENTS, "must hold at most " + ContractRules.MAX_EVENTS_PER_REQUEST
                    + " events, not " + events.size() + "; send them in several requests");
        }
    }
}
