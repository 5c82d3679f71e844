package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.core.outcome.HoldoutShares;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run-local serve} as a user drives it: everything through the local HTTP server (the API
 * routes from the template and the /local control routes), on DynamoDB Local.
 */
class LocalServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    /** The last visit; with a visit every 6 days the customer counts as lapsed 24 days later. */
    private static final Instant LAST_VISIT = START.plus(Duration.ofDays(60));
    private static final Instant LAPSED_AT = Instant.parse("2026-08-24T09:00:00Z");

    private LocalRuntime runtime;
    private HttpClient http;

    @BeforeEach
    void start() {
        runtime = LocalRuntime.start(IngestFixture.templatePath(), 0, START, HoldoutShares.NONE);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        runtime.close();
    }

    @Test
    void anInAppCampaign_landsInTheCustomersInbox_notInTheOutbox() throws Exception {
        appCustomerWhoStopsVisiting("serve-inapp");

        post("/local/clock", "{\"advance\":\"P30D\"}", 200);
        post("/local/tick", "", 200);

        JsonNode inbox = get("/v1/customers/serve-inapp/inbox", 200);
        assertThat(inbox.path("messages")).as("the in-app message, readable by the app").hasSize(1);
        assertThat(inbox.at("/messages/0/purpose").asText()).isEqualTo("marketing");
        assertThat(inbox.at("/messages/0/text").asText()).isNotBlank();
        assertThat(get("/v1/customers/serve-inapp/messages", 200).at("/messages/0/request/campaignId").asText())
                .isEqualTo("lapsed-any-channel");
        JsonNode outbox = get("/local/outbox", 200);
        assertThat(outbox.path("messages").findValuesAsText("channel")).doesNotContain("in_app");
    }

    @Test
    void oneTickAfterFiveMonths_sendsTheCampaignWhenItFellDue_notAtTheTick() throws Exception {
        appCustomerWhoStopsVisiting("serve-jump");

        post("/local/clock", "{\"advance\":\"P150D\"}", 200);
        JsonNode tick = post("/local/tick", "", 200);

        JsonNode attempt = get("/v1/customers/serve-jump/messages", 200).at("/messages/0/attempts/0");
        assertThat(attempt.path("channel").asText()).isEqualTo("in_app");
        assertThat(Instant.parse(attempt.path("at").asText())).as("sent at the evaluator firing that found the lapse due")
                .isBetween(LAPSED_AT, LAPSED_AT.plus(Duration.ofMinutes(15)));
        assertThat(get("/v1/customers/serve-jump/inbox", 200).path("messages"))
                .as("sent in August, so its 30 days in the inbox are over, as they would be in AWS").isEmpty();
        JsonNode evaluate = ran(tick, "EvaluateCustomersFunction");
        assertThat(evaluate.path("dueRuns").asLong()).isEqualTo(150 * 96);
        assertThat(evaluate.path("coalesced").asLong()).as("only idle firings were skipped").isZero();
        assertThat(evaluate.path("runs").asLong()).isBetween(1L, 10L);
        assertThat(ran(tick, "FitPurchaseModelFunction").path("runs").asLong()).as("weekly, every one").isBetween(21L, 22L);
        assertThat(get("/local/clock", 200).path("now").asText())
                .isEqualTo(LAST_VISIT.plus(Duration.ofDays(150)).toString());
    }

    /** Visits every 6 days through LAST_VISIT, posted at LAST_VISIT after ticking up to it. */
    private void appCustomerWhoStopsVisiting(String customerId) throws Exception {
        post("/local/clock", "{\"set\":\"" + LAST_VISIT + "\"}", 200);
        post("/local/tick", "", 200);
        StringJoiner events = new StringJoiner(",", "{\"events\":[", "]}");
        for (int visit = 0; visit <= 10; visit++) {
            events.add("{\"eventId\":\"" + customerId + "-v" + visit + "\",\"customerId\":\"" + customerId
                    + "\",\"type\":\"session_started\",\"occurredAt\":\"" + START.plus(Duration.ofDays(6L * visit))
                    + "\",\"properties\":{\"platform\":\"app\"}}");
        }
        JsonNode applied = post("/v1/events", events.toString(), 200);
        assertThat(applied.toString()).doesNotContain("rejected");
    }

    private static JsonNode ran(JsonNode tick, String function) {
        for (JsonNode outcome : tick.path("ran")) {
            if (outcome.path("function").asText().equals(function)) return outcome;
        }
        throw new AssertionError(function + " did not appear in the tick: " + tick);
    }

    private JsonNode get(String path, int status) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), status);
    }

    private JsonNode post(String path, String body, int status) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), status);
    }

    private JsonNode send(HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create(runtime.server().baseUri() + path);
    }
}
