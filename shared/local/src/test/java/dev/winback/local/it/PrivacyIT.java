package dev.winback.local.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.functions.api.HttpApiHandler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Export and erasure through the HTTP API handler, against DynamoDB Local. */
class PrivacyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IngestFixture fixture = IngestFixture.get();
    private final HttpApiHandler api = HttpApiHandler.local(fixture.config, fixture.clients,
            Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void export_holdsEverythingOnTheCustomer_andNothingOfAnother() throws Exception {
        subscribe("priv-a", "alice.priv@example.com", "+15550101001", Instant.parse("2026-10-01T10:00:00Z"));
        subscribe("priv-b", "bob.priv@example.com", "+15550101002", Instant.parse("2026-10-01T10:00:00Z"));

        APIGatewayV2HTTPResponse response = api.handleRequest(request("GET", "priv-a", "/export"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        String body = response.getBody();
        JsonNode export = JSON.readTree(body);
        assertThat(export.path("items").findValuesAsText("sk")).contains("RECORD")
                .anySatisfy(sk -> assertThat(sk).startsWith("CONSENT#"));
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
        assertThat(afterErasure).doesNotContain(email).doesNotContain("+15550101003").doesNotContain("RECORD");

        // The same address comes back, later, for the same customer id and for a new one.
        subscribe("priv-c", email, "+15550101003", Instant.parse("2026-11-01T10:00:00Z"));
        subscribe("priv-c2", email, "+15550101003", Instant.parse("2026-11-01T10:00:00Z"));

        for (String customer : List.of("priv-c", "priv-c2")) {
            EngagementRecord record = fixture.records(List.of(customer)).get(customer).record();
            assertThat(record.profile().email()).as(customer + ": no email to market to").isNull();
            assertThat(record.profile().phone()).as(customer + ": no phone to market to").isNull();
            assertThat(fixture.services.contacts().ownersOfEmail(email)).doesNotContain(customer);
        }
        assertThat(api.handleRequest(request("DELETE", "priv-c", ""), null).getStatusCode())
                .as("erasing again is harmless").isEqualTo(200);
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
