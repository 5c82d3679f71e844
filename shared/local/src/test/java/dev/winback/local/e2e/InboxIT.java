package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.functions.api.HttpApiHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-app channel and GET /v1/customers/{id}/inbox against DynamoDB Local, tables from template.yaml. */
class InboxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private final IngestFixture fixture = IngestFixture.get();

    private DynamoDbInbox inbox(Instant now) {
        return new DynamoDbInbox(fixture.clients.dynamoDb(), fixture.config.tableName(), new CapacityMeter(),
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(30));
    }

    private static OutboundMessage message(String customerId, String messageId, String subject) {
        return new OutboundMessage(messageId, customerId, Channel.IN_APP, Purpose.MARKETING, customerId,
                new RenderedContent(subject, "<p>" + subject + " &amp; more</p>", subject + " & more",
                        Map.of("campaignId", "lapsed-any-channel", "deepLink", "shop://offers")),
                Optional.empty());
    }

    @Test
    void send_sameMessageTwice_keepsOneItem_andBothAreAccepted() {
        String customer = "inbox-idem";
        SendResult first = inbox(T0).send(message(customer, "m-100", "Back in stock"));
        SendResult again = inbox(T0.plusSeconds(90)).send(message(customer, "m-100", "Back in stock"));

        assertThat(first).isEqualTo(new SendResult.Accepted("m-100", false));
        assertThat(again).isEqualTo(first);
        List<Map<String, AttributeValue>> items = fixture.clients.dynamoDb().query(b -> b
                .tableName(fixture.config.tableName()).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customer(customer))))
                .consistentRead(true)).items();
        assertThat(items).hasSize(1);
        Map<String, AttributeValue> item = items.get(0);
        assertThat(item.get(Keys.SK).s()).isEqualTo(Keys.inbox("m-100"));
        assertThat(item.get("sentAt").s()).as("the first store stays").isEqualTo(T0.toString());
        assertThat(Long.parseLong(item.get(Keys.EXPIRES_AT).n())).isEqualTo(T0.plus(Duration.ofDays(30)).getEpochSecond());
    }

    @Test
    void getInbox_servesUnexpiredMessagesNewestFirst_withoutOtherItemsOfThePartition() throws Exception {
        String customer = "inbox-read";
        inbox(T0).send(message(customer, "m-201", "First"));
        inbox(T0.plus(Duration.ofDays(10))).send(message(customer, "m-202", "Second"));
        inbox(T0.plus(Duration.ofDays(20))).send(message(customer, "m-203", "Third <b>"));
        Map<String, AttributeValue> unrelated = new HashMap<>();
        unrelated.put(Keys.PK, AttributeValue.fromS(Keys.customer(customer)));
        unrelated.put(Keys.SK, AttributeValue.fromS(Keys.RECORD_SK));
        fixture.clients.dynamoDb().putItem(b -> b.tableName(fixture.config.tableName()).item(unrelated));

        // 35 days after the first: it has expired (TTL deletes lazily, so the read must skip it).
        JsonNode body = get(T0.plus(Duration.ofDays(35)), customer, null, 200);

        assertThat(body.path("customerId").asText()).isEqualTo(customer);
        assertThat(body.path("messages").findValuesAsText("messageId")).containsExactly("m-203", "m-202");
        JsonNode newest = body.path("messages").get(0);
        assertThat(newest.path("subject").asText()).isEqualTo("Third <b>");
        assertThat(newest.path("text").asText()).isEqualTo("Third <b> & more");
        assertThat(newest.path("html").asText()).isEqualTo("<p>Third <b> &amp; more</p>");
        assertThat(newest.path("purpose").asText()).isEqualTo("marketing");
        assertThat(newest.path("sentAt").asText()).isEqualTo(T0.plus(Duration.ofDays(20)).toString());
        assertThat(newest.path("data").path("deepLink").asText()).isEqualTo("shop://offers");

        assertThat(get(T0.plus(Duration.ofDays(35)), customer, "1", 200).path("messages")).hasSize(1);
    }

    @Test
    void getInbox_emptyInvalidIdAndBadLimit() throws Exception {
        assertThat(get(T0, "inbox-nobody", null, 200).path("messages")).isEmpty();
        JsonNode invalid = get(T0, "ana@example.com", null, 400);
        assertThat(invalid.path("errors").get(0).path("field").asText()).isEqualTo("customerId");
        assertThat(invalid.toString()).doesNotContain("ana@example.com");
        assertThat(get(T0, "inbox-nobody", "0", 400).path("errors").get(0).path("field").asText()).isEqualTo("limit");
        assertThat(get(T0, "inbox-nobody", "many", 400).path("errors").get(0).path("field").asText()).isEqualTo("limit");
    }

    private JsonNode get(Instant now, String customerId, String limit, int expectedStatus) throws Exception {
        HttpApiHandler api = new HttpApiHandler(fixture.config, fixture.clients, Clock.fixed(now, ZoneOffset.UTC));
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("GET /v1/customers/{customerId}/inbox");
        event.setRawPath("/v1/customers/" + customerId + "/inbox");
        event.setPathParameters(Map.of("customerId", customerId));
        if (limit != null) event.setQueryStringParameters(Map.of("limit", limit));
        APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(expectedStatus);
        return JSON.readTree(response.getBody());
    }
}
