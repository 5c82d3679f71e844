package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the parser behaves around the edges: malformed text, many errors at once, numbers, privacy. */
class EventJsonParserTest {

    private final EventJsonParser parser = new EventJsonParser();

    @Test
    void parse_aGrantClaimingWinbacksOwnSmsKeywordSource_isRefused_butSuchAWithdrawalIsKept() {
        String grant = """
                {"eventId":"e-1","customerId":"c-1","type":"consent_changed","occurredAt":"2026-11-20T10:00:00Z",
                 "properties":{"channel":"sms","purpose":"marketing","granted":true,"source":"sms-keyword","wordingVersion":"v1"}}""";
        assertThat(parser.parse(grant)).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid ->
                assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("properties.source"));
        assertThat(parser.parse(grant.replace("\"granted\":true", "\"granted\":false")))
                .isInstanceOf(ParseResult.Parsed.class);
        // The published schema says the same.
        assertThat(ContractSchemas.eventViolations(SampleEvents.readJson(grant))).isNotEmpty();
        assertThat(ContractSchemas.eventViolations(SampleEvents.readJson(
                grant.replace("\"granted\":true", "\"granted\":false")))).isEmpty();
    }

    @Test
    void parse_whenTextEndsEarly_saysWhere() {
        assertThat(parser.parse("{\"eventId\": \"evt-1\"")).isEqualTo(ParseResult.Invalid.of(
                new FieldError("$", "must be valid JSON: it ends too early (line 1, column 20)")));
    }

    @Test
    void parse_whenAFieldAppearsTwice_refusesRatherThanPickingOne() {
        String json = "{\"eventId\":\"evt-1\",\"eventId\":\"evt-2\"}";

        assertThat(onlyError(parser.parse(json)).message()).startsWith("must be valid JSON: a field appears twice");
    }

    @Test
    void parse_whenSomethingFollowsTheEvent_refusesIt() {
        String json = ContractJson.write(SampleEvents.sample("store_visited")) + " {}";

        assertThat(onlyError(parser.parse(json)).message()).startsWith("must be valid JSON: something follows the JSON value");
    }

    @Test
    void parse_whenEmptyOrNull_refusesTheDocument() {
        assertThat(parser.parse("")).isEqualTo(ParseResult.Invalid.of(new FieldError("$", "must be JSON, but is empty")));
        assertThat(parser.parse((String) null)).isEqualTo(ParseResult.Invalid.of(new FieldError("$", "is required")));
        assertThat(parser.parse("[]")).isEqualTo(ParseResult.Invalid.of(new FieldError("$", "must be a JSON object, not an array")));
    }

    @Test
    void parse_whenNestedTooDeeply_refusesWithoutRecursingFurther() {
        String json = "[".repeat(10_000) + "]".repeat(10_000);

        assertThat(onlyError(parser.parse(json)).message()).startsWith("must be valid JSON: it is nested deeper than 32 levels");
    }

    @Test
    void parse_whenSeveralFieldsAreWrong_namesEveryOneInDocumentOrder() {
        String json = """
                {"eventId": "evt 1", "customerId": "c-1", "type": "purchase_completed", "occurredAt": "yesterday",
                 "platform": "tv", "source": "pos",
                 "properties": {"orderId": "o-1", "amount": -1, "currency": "EUR",
                                "items": [{"sku": "s", "category": "c", "quantity": 1, "unitPrice": 1},
                                          {"sku": "", "category": "c", "quantity": 0, "unitPrice": 1}]}}
                """;

        ParseResult result = parser.parse(json);

        assertThat(result).isEqualTo(new ParseResult.Invalid(null, List.of(
                new FieldError("eventId", "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -"),
                new FieldError("occurredAt", ContractRules.INSTANT_MESSAGE),
                new FieldError("platform", "must be one of: app, web, store"),
                new FieldError("source", "is not a field of an engagement event"),
                new FieldError("properties.amount", "must not be negative"),
                new FieldError("properties.items[1].sku", "must not be empty"),
                new FieldError("properties.items[1].quantity", "must be a whole number from 1 to 10000"))));
    }

    @Test
    void parse_whenEventIdIsValid_keepsItOnTheRejection() {
        ObjectNode event = SampleEvents.sample("store_visited");
        event.remove("customerId");

        assertThat(parser.parse(event)).isEqualTo(new ParseResult.Invalid("evt-0002",
                List.of(new FieldError("customerId", "is required"))));
    }

    @Test
    void parse_whenValuesArePersonalData_neverEchoesThemInMessages() {
        ObjectNode event = SampleEvents.sample("profile_updated");
        ObjectNode properties = (ObjectNode) event.get("properties");
        properties.put("email", "ana.garcia@@example.com");
        properties.put("phone", "+34 600 000 000");
        event.put("customerId", "ana.garcia@example.com");

        ParseResult.Invalid invalid = (ParseResult.Invalid) parser.parse(event);

        assertThat(invalid.errors()).hasSize(3)
                .allSatisfy(error -> assertThat(error.message()).doesNotContain("ana", "600"));
    }

    @Test
    void parse_keepsAmountsExactlyAsWritten() {
        EventPayload.PurchaseCompleted purchase = purchase(parser.parse(ContractJson.write(SampleEvents.sample("purchase_completed"))));

        assertThat(purchase.amount()).isEqualTo(new BigDecimal("129.90"));
        assertThat(purchase.items().get(1).unitPrice()).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void parse_whenAmountUsesAnExponent_readsItAsAPlainDecimal() {
        ObjectNode event = SampleEvents.sample("purchase_completed");
        String json = ContractJson.write(event).replace("129.90", "1.5E+2");

        assertThat(purchase(parser.parse(json)).amount()).isEqualTo(new BigDecimal("150"));
    }

    @Test
    void parse_whenTreeComesFromAPlainObjectMapper_stillReadsAmounts() throws Exception {
        String json = ContractJson.write(SampleEvents.sample("purchase_completed"));

        ParseResult result = parser.parse(new ObjectMapper().readTree(json));

        // A default mapper reads 129.90 as a double; the value survives, the trailing zero does not.
        assertThat(purchase(result).amount()).isEqualByComparingTo("129.90");
    }

    @Test
    void parse_whenTreeHoldsNaN_refusesIt() {
        ObjectNode event = SampleEvents.sample("purchase_completed");
        ((ObjectNode) event.get("properties")).set("amount", JsonNodeFactory.instance.numberNode(Double.NaN));

        assertThat(parser.parse(event)).isEqualTo(new ParseResult.Invalid("evt-0003",
                List.of(new FieldError("properties.amount", "must be a finite number"))));
    }

    @Test
    void parse_whenQuantityIsWrittenWithAZeroFraction_acceptsItAsWhole() {
        String json = ContractJson.write(SampleEvents.sample("purchase_completed")).replace("\"quantity\":2", "\"quantity\":2.0");

        assertThat(purchase(parser.parse(json)).items().get(1).quantity()).isEqualTo(2);
    }

    @Test
    void parse_whenOffsetGiven_convertsToTheInstant() {
        ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(SampleEvents.sample("store_visited"));

        assertThat(parsed.event().occurredAt()).isEqualTo(Instant.parse("2026-11-21T16:02:00Z"));
        assertThat(parsed.event().platform()).isEqualTo(Optional.of(Platform.STORE));
    }

    @Test
    void parse_whenAppEventHasNoProperties_acceptsIt() {
        ObjectNode event = SampleEvents.sample("app_installed");
        event.remove("properties");

        assertThat(parser.parse(event)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void parse_whenProfileUpdateHasSomeFields_leavesTheOthersEmpty() {
        ObjectNode event = SampleEvents.sample("profile_updated");
        event.set("properties", JsonNodeFactory.instance.objectNode().put("birthday", "02-29"));

        ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(event);

        assertThat(parsed.event().payload()).isEqualTo(new EventPayload.ProfileUpdated(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("02-29"), Optional.empty()));
    }

    @Test
    void parse_aReview_readsTheRating_andLeavesAbsentOrderAndSkuEmpty() {
        ParseResult.Parsed full = (ParseResult.Parsed) parser.parse(SampleEvents.sample("review_submitted"));
        ObjectNode bare = SampleEvents.sample("review_submitted");
        bare.set("properties", JsonNodeFactory.instance.objectNode().put("rating", 2));

        assertThat(full.event().payload()).isEqualTo(new EventPayload.ReviewSubmitted(
                Optional.of("ord-2026-118734"), Optional.of("SHOE-RUN-42"), 4));
        assertThat(((ParseResult.Parsed) parser.parse(bare)).event().payload())
                .isEqualTo(new EventPayload.ReviewSubmitted(Optional.empty(), Optional.empty(), 2));
    }

    @Test
    void parse_anAnswer_readsTheQuestionAndTheAnswer() {
        ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(SampleEvents.sample("survey_answered"));

        assertThat(parsed.event().payload()).isEqualTo(new EventPayload.SurveyAnswered("favouriteSport", "trail running"));
    }

    @Test
    void parse_aMissingQuestionAndATooLongAnswer_namesBoth_withoutEchoingTheAnswer() {
        ObjectNode answer = SampleEvents.sample("survey_answered");
        ((ObjectNode) answer.get("properties")).put("answer", "my private answer " + "x".repeat(300));
        ((ObjectNode) answer.get("properties")).remove("question");

        ParseResult result = parser.parse(answer);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> {
            assertThat(invalid.errors()).containsExactly(
                    new FieldError("properties.question", "is required"),
                    new FieldError("properties.answer", "must be at most 200 characters"));
            assertThat(invalid.errors().toString()).doesNotContain("private");
        });
    }

    private static FieldError onlyError(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        List<FieldError> errors = ((ParseResult.Invalid) result).errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().field()).isEqualTo("$");
        return errors.getFirst();
    }

    private static EventPayload.PurchaseCompleted purchase(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return (EventPayload.PurchaseCompleted) ((ParseResult.Parsed) result).event().payload();
    }
}
