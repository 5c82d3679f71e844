package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.dynamodb.DynamoDbCustomerData;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.adapters.dynamodb.RejectedEvents;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.links.LinkToken;
import dev.winback.core.links.LinkTokens;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.outcome.HoldoutShares;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export and erasure through the HTTP API handler, against DynamoDB Local: erasure reaches every
 * address the customer ever had, rejected bodies naming them, and nothing brings them back.
 */
class PrivacyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IngestFixture fixture = IngestFixture.get();
    /** The operator routes and the signed links, each in its own function as API Gateway routes them. */
    private final ApiGateway api = new ApiGateway(fixture.config, fixture.clients, LinkConfig.localDevelopment(null),
            Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void export_holdsEverythingOnTheCustomer_andNothingOfAnother() throws Exception {
        subscribe("priv-a", "alice.priv@example.com", "+15550101001", Instant.parse("2026-10-01T10:00:00Z"));
        subscribe("priv-b", "bob.priv@example.com", "+15550101002", Instant.parse("2026-10-01T10:00:00Z"));

        APIGatewayV2HTTPResponse response = api.handleRequest(request("GET", "priv-a", "/export"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        String body = response.getBody();
        JsonNode export = JSON.readTree(body);
        assertThat(export.path("items").findValuesAsText("sk")).contains(Keys.RECORD_SK)
                .anySatisfy(sk -> assertThat(sk).startsWith(Keys.CONSENT_PREFIX));
        assertThat(body).contains("alice.priv@example.com").contains("+15550101001");
        assertThat(body).doesNotContain("priv-b").doesNotContain("bob.priv@example.com").doesNotContain("+15550101002");
        assertThat(api.handleRequest(request("GET", "priv-nobody", "/export"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void afterErasure_aNewEventWithTheSameEmail_doesNotReEnableMarketing() throws Exception {
        String email = "carol.priv@example.com";
        subscribe("priv-c", email, "+15550101003", Instant.parse("2026-10-01T10:00:00Z"));

        APIGatewayV2HTTPResponse erased = api.handleRequest(request("DELETE", "priv-c", ""), null);
        assertThat(erased.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(erased.getBody()).path("contactsTombstoned").asInt()).isEqualTo(2);
        String afterErasure = api.handleRequest(request("GET", "priv-c", "/export"), null).getBody();
        assertThat(afterErasure).doesNotContain(email).doesNotContain("+15550101003").doesNotContain(Keys.RECORD_SK);

        // The same address comes back, later, for the same customer id and for a new one.
        subscribe("priv-c", email, "+15550101003", Instant.parse("2026-11-01T10:00:00Z"));
        subscribe("priv-c2", email, "+15550101003", Instant.parse("2026-11-01T10:00:00Z"));

        for (String customer : List.of("priv-c", "priv-c2")) {
            EngagementRecord record = fixture.records(List.of(customer)).get(customer).record();
            assertThat(record.profile().email()).as(customer + ": no email to market to").isNull();
            assertThat(record.profile().phone()).as(customer + ": no phone to market to").isNull();
            assertThat(fixture.table.contacts().ownersOfEmail(email)).doesNotContain(customer);
        }
        assertThat(api.handleRequest(request("DELETE", "priv-c", ""), null).getStatusCode())
                .as("erasing again is harmless").isEqualTo(200);
    }

    @Test
    void erasure_reachesEveryAddressTheCustomerEverHad_andTheOldEmailCannotGoToAnotherCustomer() throws Exception {
        String first = "dana.first@example.com";
        String second = "dana.second@example.com";
        subscribe("priv-d", first, "+15550101004", Instant.parse("2026-09-01T10:00:00Z"));
        subscribe("priv-d", second, "+15550101014", Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(fixture.table.contacts().ownersOfEmail(first)).as("indexed when given").contains("priv-d");

        assertThat(api.handleRequest(request("DELETE", "priv-d", ""), null).getStatusCode()).isEqualTo(200);

        for (String email : List.of(first, second)) {
            assertThat(fixture.table.contacts().ownersOfEmail(email)).as(email + " leads to no one").isEmpty();
        }
        assertThat(fixture.table.contacts().ownersOfPhone("+15550101004")).isEmpty();
        assertThat(contactItemsNaming("priv-d")).as("no contact item keeps the id").isEmpty();

        subscribe("priv-d2", first, "+15550101004", Instant.parse("2026-11-01T10:00:00Z"));
        EngagementRecord other = fixture.records(List.of("priv-d2")).get("priv-d2").record();
        assertThat(other.profile().email()).as("the earlier email stays erased").isNull();
        assertThat(other.profile().phone()).as("the earlier phone stays erased").isNull();
    }

    @Test
    void afterErasure_anyEventForTheCustomerId_isAcknowledgedAndDropped_andNothingReCreatesThem() throws Exception {
        subscribe("priv-e", "erin.priv@example.com", "+15550101005", Instant.parse("2026-10-01T10:00:00Z"));
        String token = new LinkTokens(KeyMaterial.of(LinkConfig.LOCAL_DEVELOPMENT_SECRET)).issue(
                LinkToken.unsubscribe("priv-e", Channel.EMAIL, null, Instant.parse("2026-11-20T00:00:00Z")));
        assertThat(api.handleRequest(request("DELETE", "priv-e", ""), null).getStatusCode()).isEqualTo(200);

        // Late events from the queue and the API are acknowledged (never retried) and not stored.
        EngagementEvent late = new EngagementEvent("priv-e-late", "priv-e", Instant.parse("2026-11-21T10:00:00Z"),
                Optional.empty(), new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "web", "v1"));
        assertThat(fixture.sendBodies(List.of(fixture.json(late)))).as("no redelivery asked").isEmpty();
        assertThat(fixture.ingestion.intake().apply(List.of(late)))
                .containsExactly(new dev.winback.core.ingest.IntakeResult.Erased("priv-e-late"));
        // The unsubscribe link in an old message answers, and writes nothing.
        APIGatewayV2HTTPResponse unsubscribed = api.handleRequest(SignedLinkRequests.request("POST", "/u/{token}",
                token, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", false), null);
        assertThat(unsubscribed.getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse preferences = api.handleRequest(SignedLinkRequests.request("GET", "/p/{token}",
                new LinkTokens(KeyMaterial.of(LinkConfig.LOCAL_DEVELOPMENT_SECRET)).issue(LinkToken.preferences(
                        "priv-e", Instant.parse("2026-11-20T00:00:00Z"))), null, null, false), null);
        assertThat(preferences.getStatusCode()).isEqualTo(404);

        // A delivery request already on its way sends nothing and writes nothing.
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        RecordingEmail email = new RecordingEmail();
        delivery(Clock.fixed(now, ZoneOffset.UTC))
                .deliverMessages(List.of(email), new TestComposer(), dev.winback.core.delivery.DecisionPublisher.NONE)
                .deliver(new DeliveryRequest("priv-e", "winback-a", "winback-a", "s1", Purpose.TRANSACTIONAL,
                        MessageCategory.REMINDERS, List.of(Channel.EMAIL), now, now.plusSeconds(86_400),
                        java.time.Duration.ofHours(4), Map.of()));
        assertThat(email.sent).as("delivery refuses").isZero();

        assertThat(fixture.table.store().find("priv-e")).as("no record came back").isNull();
        assertThat(fixture.records(List.of("priv-e")).get("priv-e").erased()).isTrue();
        assertThat(new DynamoDbCustomerData(fixture.clients.dynamoDb(), fixture.config.tableName(), fixture.table.contacts())
                .items("priv-e")).as("only the marker is left").hasSize(1);
        assertThat(api.handleRequest(request("GET", "priv-e", "/export"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void erasure_deletesRejectedEventsThatNameTheCustomerOrTheirAddresses_andNoOthers() throws Exception {
        subscribe("priv-f", "fay.priv@example.com", "+15550101006", Instant.parse("2026-10-01T10:00:00Z"));
        RejectedEvents rejected = new RejectedEvents(fixture.clients.dynamoDb(), fixture.config.tableName());
        Instant received = Instant.parse("2026-11-21T08:00:00Z");
        List<FieldError> why = List.of(new FieldError("occurredAt", "is missing"));
        rejected.keep("sqs", "priv-f-1", "{\"customerId\": \"priv-f\", \"type\": \"order_placed\"}", why, 0, received);
        rejected.keep("sqs", "priv-f-2", "{\"customerId\": 42, \"email\": \"FAY.priv@example.com\"}", why, 0, received);
        rejected.keep("sqs", "priv-f-3", "{\"customerId\": \"priv-f0\", \"phone\": \"+15550109999\"}", why, 0, received);

        APIGatewayV2HTTPResponse erased = api.handleRequest(request("DELETE", "priv-f", ""), null);

        assertThat(JSON.readTree(erased.getBody()).path("rejectedDeleted").asInt()).isEqualTo(2);
        List<String> left = fixture.clients.dynamoDb().query(b -> b.tableName(fixture.config.tableName())
                        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                                AttributeValue.fromS(Keys.rejectedDay("2026-11-21"))))).items().stream()
                .map(item -> item.get(Keys.SK).s()).toList();
        assertThat(left).contains("sqs#priv-f-3").doesNotContain("sqs#priv-f-1", "sqs#priv-f-2");
    }

    @Test
    void export_includesWhatWasSent_whenAndOnWhichChannel_withItsContent() throws Exception {
        subscribe("priv-g", "gus.priv@example.com", "+15550101007", Instant.parse("2026-10-01T10:00:00Z"));
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        var delivery = delivery(Clock.fixed(now, ZoneOffset.UTC)).deliverMessages(List.of(new RecordingEmail()), new TestComposer(),
                dev.winback.core.delivery.DecisionPublisher.NONE);
        DeliveryRequest request = new DeliveryRequest("priv-g", "winback-a", "winback-a", "s1", Purpose.TRANSACTIONAL,
                MessageCategory.REMINDERS, List.of(Channel.EMAIL), now, now.plusSeconds(86_400),
                java.time.Duration.ofHours(4), Map.of());
        delivery.deliver(request);

        JsonNode export = JSON.readTree(api.handleRequest(request("GET", "priv-g", "/export"), null).getBody());

        JsonNode message = export.path("items").findParents("message").getFirst().path("message");
        assertThat(message.path("status").asText()).isEqualTo("sent");
        assertThat(message.path("attempts").get(0).path("channel").asText()).isEqualTo("email");
        JsonNode copy = export.path("items").findParents("sk").stream()
                .filter(item -> item.path("sk").asText().startsWith(Keys.SENT_PREFIX)).findFirst().orElseThrow();
        assertThat(copy.path("attributes").path("channel").asText()).isEqualTo("email");
        assertThat(copy.path("attributes").path("text").asText()).isNotBlank();
        assertThat(copy.path("attributes").path("sentAt").asText()).isNotBlank();
    }

    /** An email provider that takes everything. */
    private static final class RecordingEmail implements ChannelSender {
        int sent;

        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            sent++;
            return new SendResult.Accepted("ses-" + message.messageId(), false);
        }
    }

    /** Contact-index items that still name the customer id. */
    /** Delivery as its function composes it, on the shared table at this clock's time. */
    private MessageDelivery delivery(Clock clock) {
        EngagementTable table = new EngagementTable(fixture.config, fixture.clients, clock);
        return new MessageDelivery(table, new Ingestion(table, clock, fixture.writers), clock, HoldoutShares.NONE);
    }

    private List<Map<String, AttributeValue>> contactItemsNaming(String customerId) {
        return fixture.clients.dynamoDb().scan(b -> b.tableName(fixture.config.tableName())
                        .filterExpression("begins_with(pk, :c) AND customerId = :id")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(Keys.CONTACT_PREFIX),
                                ":id", AttributeValue.fromS(customerId)))).items();
    }

    private void subscribe(String customer, String email, String phone, Instant at) {
        List<EngagementEvent> events = List.of(
                new EngagementEvent(customer + "-p-" + at.getEpochSecond(), customer, at, Optional.empty(),
                        new EventPayload.ProfileUpdated(Optional.of(email), Optional.of(phone), Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.empty())),
                new EngagementEvent(customer + "-c-" + at.getEpochSecond(), customer, at, Optional.empty(),
                        new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup", "v1")),
                new EngagementEvent(customer + "-s-" + at.getEpochSecond(), customer, at, Optional.empty(),
                        new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED)));
        assertThat(fixture.sendBodies(events.stream().map(fixture::json).toList())).isEmpty();
    }

    private static APIGatewayV2HTTPEvent request(String method, String customer, String suffix) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(method + " /v1/customers/{customerId}" + suffix);
        event.setRawPath("/v1/customers/" + customer + suffix);
        event.setPathParameters(Map.of("customerId", customer));
        return event;
    }
}
