package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.json.EnvelopeUnwrapper.Unwrapped;
import dev.winback.core.event.EventPayload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AWS-shaped fixtures in {@code events/} hold what the contract says, the way AWS delivers it. */
class AwsFixturesTest {

    private final EventJsonParser parser = new EventJsonParser();

    @Test
    void eventBridgeFixture_whenUnwrapped_yieldsAValidPurchase() {
        JsonNode envelope = SampleEvents.fixture("eventbridge-engagement-event.json");

        Unwrapped unwrapped = EnvelopeUnwrapper.unwrap(envelope);

        assertThat(unwrapped).isInstanceOf(Unwrapped.EventBridgeDetail.class);
        JsonNode detail = ((Unwrapped.EventBridgeDetail) unwrapped).detail();
        assertThat(ContractSchemas.eventViolations(detail)).isEmpty();
        ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(detail);
        assertThat(parsed.event().payload()).isInstanceOfSatisfying(EventPayload.PurchaseCompleted.class,
                purchase -> assertThat(purchase.amount()).isEqualTo(new BigDecimal("129.90")));
    }

    @Test
    void sqsBatch_whenEachBodyIsParsed_acceptsBareEventsAndEnvelopesAndNamesTheInvalidFields() {
        JsonNode records = SampleEvents.fixture("sqs-engagement-batch.json").get("Records");
        List<ParseResult> results = new ArrayList<>();
        records.forEach(record -> results.add(parser.parseMessageBody(record.get("body").textValue())));

        assertThat(results).hasSize(5);
        assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.event().type()).isEqualTo("message_delivered"));
        assertThat(results.get(2)).isInstanceOf(ParseResult.Parsed.class);
        assertThat(results.get(3)).isEqualTo(new ParseResult.Invalid("evt-0099", List.of(
                new FieldError("properties.currency", "must be an ISO 4217 code of three upper-case letters, such as EUR"),
                new FieldError("properties.items[1].quantity", "must be a whole number from 1 to 10000"))));
        assertThat(results.get(4)).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.event().payload()).isInstanceOf(EventPayload.AppUninstalled.class));
    }

    @Test
    void sqsBatch_md5OfBody_matchesEachBody() throws NoSuchAlgorithmException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (JsonNode record : SampleEvents.fixture("sqs-engagement-batch.json").get("Records")) {
            byte[] digest = md5.digest(record.get("body").textValue().getBytes(StandardCharsets.UTF_8));
            assertThat(HexFormat.of().formatHex(digest)).isEqualTo(record.get("md5OfBody").textValue());
        }
    }

    @Test
    void apiGatewayPostEvents_body_isAValidRequestOfValidEvents() {
        JsonNode request = SampleEvents.fixture("apigw-post-events.json");
        assertThat(request.get("routeKey").textValue()).isEqualTo("POST /v1/events");
        String body = request.get("body").textValue();

        assertThat(ContractSchemas.requestViolations(SampleEvents.readJson(body))).isEmpty();
        EventsRequestResult result = new EventsRequestParser().parse(body);

        assertThat(result).isInstanceOfSatisfying(EventsRequestResult.Events.class, events -> {
            assertThat(events.results()).hasSize(4).allMatch(r -> r instanceof ParseResult.Parsed);
            assertThat(events.errors()).isEmpty();
        });
    }

    @Test
    void apiGatewayGetCustomer_pathParameter_isAnOpaqueCustomerId() {
        JsonNode request = SampleEvents.fixture("apigw-get-customer.json");

        assertThat(request.get("routeKey").textValue()).isEqualTo("GET /v1/customers/{customerId}");
        String customerId = request.get("pathParameters").get("customerId").textValue();
        assertThat(ContractRules.CUSTOMER_ID.accepts(customerId)).isTrue();
        assertThat(request.get("rawPath").textValue()).endsWith("/" + customerId);
    }
}
