package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.links.LinkToken;
import dev.winback.core.links.LinkTokens;
import dev.winback.core.record.EngagementRecord;
import dev.winback.functions.feedback.FeedbackComposition;
import dev.winback.functions.feedback.ProcessFeedbackHandler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link secret rotates from k1 to k2 (k1 kept as an older key) against DynamoDB Local: links
 * already sent keep working, erased addresses stay erased, STOPs still find their customer; a link
 * under a key removed from the secret is refused.
 */
class KeyRotationIT {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final byte[] K1 = "rotation-it-first-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
    private static final byte[] K2 = "rotation-it-second-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);

    private final IngestFixture fixture = IngestFixture.get();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final KeyMaterial beforeRotation = KeyMaterial.of("k1", Map.of("k1", K1));
    private final KeyMaterial afterRotation = KeyMaterial.of("k2", Map.of("k1", K1, "k2", K2));
    private final KeyMaterial k1Removed = KeyMaterial.of("k2", Map.of("k2", K2));

    @Test
    void aLinkSentUnderK1_stillUnsubscribesAfterRotation_andIsRefusedOnceK1IsRemoved() {
        subscribe(ingestion(table(beforeRotation)), "rot-a", "rot.a@example.com", "+15550188001");
        String token = new LinkTokens(beforeRotation).issue(
                LinkToken.unsubscribe("rot-a", Channel.EMAIL, null, NOW.minusSeconds(86_400)));

        assertThat(api(k1Removed).handleRequest(unsubscribe(token), null).getStatusCode()).isEqualTo(404);
        assertThat(marketingEmail("rot-a")).as("nothing changed").isTrue();

        assertThat(api(afterRotation).handleRequest(unsubscribe(token), null).getStatusCode()).isEqualTo(200);
        assertThat(marketingEmail("rot-a")).isFalse();
    }

    @Test
    void anAddressErasedUnderK1_staysErasedAfterRotation_andAStopStillFindsItsCustomer() {
        Ingestion old = ingestion(table(beforeRotation));
        subscribe(old, "rot-b", "rot.b@example.com", "+15550188002");
        subscribe(old, "rot-c", "rot.c@example.com", "+15550188003");
        APIGatewayV2HTTPEvent erase = new APIGatewayV2HTTPEvent();
        erase.setRouteKey("DELETE /v1/customers/{customerId}");
        erase.setPathParameters(Map.of("customerId", "rot-b"));
        assertThat(api(beforeRotation).handleRequest(erase, null).getStatusCode()).isEqualTo(200);

        EngagementTable rotated = table(afterRotation);
        subscribe(ingestion(rotated), "rot-b2", "rot.b@example.com", "+15550188002");
        EngagementRecord other = rotated.store().find("rot-b2").record();
        assertThat(other.profile().email()).as("erased under k1, still erased under k2").isNull();
        assertThat(other.profile().phone()).isNull();
        assertThat(rotated.contacts().ownersOfPhone("+15550188003")).containsExactly("rot-c");

        ProcessFeedbackHandler feedback = new ProcessFeedbackHandler(new FeedbackComposition(
                rotated, ingestion(rotated), arn -> Optional.empty(),
                (to, from, text) -> { }, reply -> { },
                new DynamoDbOnce(fixture.clients.dynamoDb(), fixture.config.tableName(), clock), clock));
        assertThat(feedback.handleRequest(stop("+15550188003", "inbound-rot-c-1"), null)).containsEntry("sms.stop", 1);
        assertThat(rotated.store().find("rot-c").record().channel(Channel.SMS).consent().get(Purpose.MARKETING)
                .value().granted()).isFalse();
    }

    private EngagementTable table(KeyMaterial keys) {
        return new EngagementTable(fixture.config, fixture.clients, clock, keys);
    }

    private Ingestion ingestion(EngagementTable table) {
        return new Ingestion(table, clock, fixture.writers);
    }

    private ApiGateway api(KeyMaterial keys) {
        return new ApiGateway(fixture.config, fixture.clients,
                new LinkConfig(keys, Optional.empty(), LinkTokens.DEFAULT_VALIDITY), clock);
    }

    private boolean marketingEmail(String customerId) {
        return fixture.table.store().find(customerId).record().channel(Channel.EMAIL).consent()
                .get(Purpose.MARKETING).value().granted();
    }

    private static void subscribe(Ingestion ingestion, String customer, String email, String phone) {
        Instant at = NOW.minusSeconds(30 * 86_400L);
        List<IntakeResult> results = ingestion.intake().apply(List.of(
                new EngagementEvent(customer + "-p", customer, at, Optional.empty(),
                        new EventPayload.ProfileUpdated(Optional.of(email), Optional.of(phone), Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.empty())),
                new EngagementEvent(customer + "-c", customer, at, Optional.empty(),
                        new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup", "v1")),
                new EngagementEvent(customer + "-sms", customer, at, Optional.empty(),
                        new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, true, "signup", "v1")),
                new EngagementEvent(customer + "-s", customer, at, Optional.empty(),
                        new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED))));
        assertThat(results).noneMatch(r -> r instanceof IntakeResult.Retry);
    }

    private static APIGatewayV2HTTPEvent unsubscribe(String token) {
        return SignedLinkRequests.request("POST", "/u/{token}", token, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", false);
    }

    private static SNSEvent stop(String from, String inboundId) {
        SNSEvent.SNS message = new SNSEvent.SNS();
        message.setMessage("{\"originationNumber\": \"" + from + "\", \"destinationNumber\": \"+15550100100\", "
                + "\"messageBody\": \"STOP\", \"inboundMessageId\": \"" + inboundId + "\"}");
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
        record.setSns(message);
        SNSEvent event = new SNSEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
