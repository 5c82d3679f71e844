package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import static dev.winback.adapters.json.JsonEdits.number;
import static dev.winback.adapters.json.JsonEdits.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values at the edges that both sides accept, and the one rule only the parser can hold: membership
 * of the tz database, which a pattern cannot express without going stale with every tzdata release.
 */
class SchemaAndParserAgreeTest {

    record Edge(String name, String sampleType, Function<ObjectNode, String> edit) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final EventJsonParser parser = new EventJsonParser();

    static Stream<Edge> acceptedEdges() {
        return Stream.of(
                new Edge("128-character eventId", "store_visited", set("eventId", "e".repeat(128))),
                new Edge("customerId with @ but no domain", "store_visited", set("customerId", "tenant-7@c-000123")),
                new Edge("occurredAt with nanoseconds and an offset", "store_visited",
                        set("occurredAt", "2026-11-23T10:15:30.123456789-03:30")),
                new Edge("occurredAt on 29 February 2000", "store_visited", set("occurredAt", "2000-02-29T00:00:00Z")),
                new Edge("occurredAt at -00:00", "store_visited", set("occurredAt", "2026-11-23T10:15:30-00:00")),
                new Edge("non-Latin storeId", "store_visited", set("properties.storeId", "서울 매장 7")),
                new Edge("amount of zero", "purchase_completed", number("properties.amount", "0")),
                new Edge("amount with four places", "purchase_completed", number("properties.amount", "999999999999.9999")),
                new Edge("amount written with an exponent", "purchase_completed", number("properties.amount", "1.5E+2")),
                new Edge("amount with trailing zeros past four places", "purchase_completed",
                        number("properties.amount", "1.0000000")),
                new Edge("quantity written as 2.0", "purchase_completed", number("properties.items[1].quantity", "2.0")),
                new Edge("quantity of 10000", "purchase_completed", number("properties.items[1].quantity", "10000")),
                new Edge("no line items", "purchase_completed", set("properties.items",
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode())),
                new Edge("birthday 02-29 without a year", "profile_updated", set("properties.birthday", "02-29")),
                new Edge("birthday in a leap year", "profile_updated", set("properties.birthday", "2024-02-29")),
                new Edge("shortest E.164 number", "profile_updated", set("properties.phone", "+12")),
                new Edge("three-part time zone", "profile_updated", set("properties.timezone", "America/Argentina/Buenos_Aires")),
                new Edge("locale with script and region", "profile_updated", set("properties.locale", "zh-Hant-TW")),
                new Edge("session without envelope platform", "session_started", JsonEdits.remove("platform")),
                new Edge("review without orderId or sku", "review_submitted", JsonEdits.edit(event -> {
                    ((ObjectNode) event.get("properties")).remove(java.util.List.of("orderId", "sku"));
                    return event;
                })),
                new Edge("rating of 1", "review_submitted", set("properties.rating", 1)),
                new Edge("rating of 5 written as 5.0", "review_submitted", number("properties.rating", "5.0")),
                new Edge("one-letter question", "survey_answered", set("properties.question", "q")),
                new Edge("64-character question with every kind of character", "survey_answered",
                        set("properties.question", "a-Z_9" + "q".repeat(59))),
                new Edge("200-character non-Latin answer", "survey_answered", set("properties.answer", "러".repeat(200))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedEdges")
    void edgeValue_isAcceptedByBoth(Edge edge) {
        String json = edge.edit().apply(SampleEvents.sample(edge.sampleType()).deepCopy());

        assertThat(ContractSchemas.eventViolations(SampleEvents.readJson(json))).isEmpty();
        assertThat(parser.parse(json)).isInstanceOf(ParseResult.Parsed.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Mars/Olympus_Mons", "UTC+2", "GMT+02"})
    void timezoneOutsideTheTzDatabase_isRefusedByTheParserOnly(String zone) {
        String json = set("properties.timezone", zone).apply(SampleEvents.sample("profile_updated"));

        // If the schema starts refusing these, move them to the invalid-event table.
        assertThat(ContractSchemas.eventViolations(SampleEvents.readJson(json))).isEmpty();
        assertThat(parser.parse(json)).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid ->
                assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("properties.timezone"));
    }
}
