package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.json.ContractJson.JsonReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsRequestParserTest {

    private final EventsRequestParser parser = new EventsRequestParser();

    @Test
    void parse_whenNotJson_refusesTheBody() {
        assertThat(parser.parse("{\"events\": [")).isEqualTo(new EventsRequestResult.BodyInvalid(List.of(
                new FieldError("$", "must be valid JSON: it ends too early (line 1, column 13)"))));
    }

    @Test
    void parse_whenNotAnObject_refusesTheBody() {
        assertBodyRefused("[]", new FieldError("$", "must be a JSON object such as {\"events\": [...]}, not an array"));
    }

    @Test
    void parse_whenEventsMissing_saysItIsRequired() {
        assertBodyRefused("{}", new FieldError("events", "is required"));
    }

    @Test
    void parse_whenEventsNotAnArray_saysSo() {
        assertBodyRefused("{\"events\": {}}", new FieldError("events", "must be an array of events, not an object"));
    }

    @Test
    void parse_whenEventsEmpty_asksForAtLeastOne() {
        assertBodyRefused("{\"events\": []}", new FieldError("events", "must hold at least 1 event"));
    }

    @Test
    void parse_whenMoreThan500Events_asksToSplit() {
        assertBodyRefused(body(501), new FieldError("events",
                "must hold at most 500 events, not 501; send them in several requests"));
    }

    @Test
    void parse_whenUnknownTopLevelField_refusesTheBody() {
        assertBodyRefused("{\"events\": [{}], \"batchId\": \"b-1\"}",
                new FieldError("batchId", "is not a field of the request body, which holds only events"));
    }

    @Test
    void parse_when500Events_acceptsThemAll() {
        String body = body(500);

        EventsRequestResult result = parser.parse(body);

        assertThat(ContractSchemas.requestViolations(read(body))).isEmpty();
        assertThat(result).isInstanceOfSatisfying(EventsRequestResult.Events.class,
                events -> assertThat(events.accepted()).hasSize(500));
    }

    @Test
    void parse_whenSomeEventsInvalid_judgesEachOnItsOwnInOrder() {
        ObjectNode body = ContractJson.nodes().objectNode();
        ArrayNode events = body.putArray("events");
        events.add(SampleEvents.sample("store_visited"));
        ObjectNode badPurchase = SampleEvents.sample("purchase_completed");
        ((ObjectNode) badPurchase.get("properties")).put("amount", -5);
        events.add(badPurchase);
        events.add("not an event");

        EventsRequestResult result = parser.parse(ContractJson.write(body));

        assertThat(result).isInstanceOfSatisfying(EventsRequestResult.Events.class, parsed -> {
            assertThat(parsed.results()).hasSize(3);
            assertThat(parsed.results().get(0)).isInstanceOf(ParseResult.Parsed.class);
            assertThat(parsed.errors()).containsExactly(
                    new FieldError("events[1].properties.amount", "must not be negative"),
                    new FieldError("events[2]", "must be a JSON object, not a string"));
        });
        assertThat(ContractSchemas.requestViolations(body)).isNotEmpty();
    }

    private void assertBodyRefused(String body, FieldError expected) {
        assertThat(parser.parse(body)).isEqualTo(new EventsRequestResult.BodyInvalid(List.of(expected)));
        assertThat(ContractSchemas.requestViolations(read(body))).as("schema").isNotEmpty();
    }

    private static String body(int count) {
        ObjectNode body = ContractJson.nodes().objectNode();
        ArrayNode events = body.putArray("events");
        for (int i = 0; i < count; i++) {
            ObjectNode event = SampleEvents.sample("session_started");
            event.put("eventId", "evt-" + i);
            events.add(event);
        }
        return ContractJson.write(body);
    }

    private static JsonNode read(String json) {
        return ((JsonReading.WellFormed) ContractJson.read(json)).node();
    }
}
