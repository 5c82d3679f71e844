package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.local.runtime.Fixtures;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.local.e2e.OperatorApi.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' journey API on the local runtime, on its virtual clock: an invalid definition is
 * refused and the shipped one keeps running; a changed review request, once activated, asks
 * customers delivered afterwards sooner; a rollback restores the wait; a dry run sends nothing.
 * Events go in through POST /v1/events, which feeds the journeys as the ingest function does.
 */
class JourneyAdminIT {

    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
    private static final Map<String, String> REVIEW = Map.of("journeyId", "review-request");

    @Test
    void operatorsChangeTheReviewRequest_activateIt_andRollItBack() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(Fixtures.repositoryTemplate(), 0, START, HoldoutShares.NONE)) {
            Api api = new Api(runtime);

            JsonNode review = api.listed("review-request");
            assertThat(review.path("source").asText()).isEqualTo("shipped");
            assertThat(review.path("active").asInt()).isZero();
            String shipped = api.get("/v1/journeys/review-request/versions/0").body().path("definition").toString();
            assertThat(shipped).contains("\"P5D\"");

            // An invalid definition: every problem named, nothing stored, the shipped journey runs on.
            Answer refused = api.post("/v1/journeys/review-request/versions",
                    shipped.replace("\"P5D\"", "\"five days\"").replace("\"push\"", "\"pigeon\""));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().path("problems").findValuesAsText("where")).hasSize(2)
                    .allMatch(where -> where.startsWith("steps"));
            assertThat(api.listed("review-request")).isEqualTo(review);
            Instant first = api.delivered("buyer-a");
            assertThat(api.reviewAsks("buyer-a", first.plus(Duration.ofDays(4)))).isZero();
            assertThat(api.reviewAsks("buyer-a", first.plus(Duration.ofDays(5)).plusSeconds(60))).isEqualTo(1);

            // Two days instead of five, stored then activated.
            Answer stored = api.post("/v1/journeys/review-request/versions", shipped.replace("\"P5D\"", "\"P2D\""));
            assertThat(stored.status()).isEqualTo(201);
            int version = stored.body().path("version").asInt();
            Answer activated = api.post("/v1/journeys/review-request/activate", "{\"version\":" + version + "}");
            assertThat(activated.status()).isEqualTo(200);
            assertThat(activated.body().path("active").asInt()).isEqualTo(version);
            Instant second = api.delivered("buyer-b");
            assertThat(api.reviewAsks("buyer-b", second.plus(Duration.ofDays(1)))).isZero();
            assertThat(api.reviewAsks("buyer-b", second.plus(Duration.ofDays(2)).plusSeconds(60))).isEqualTo(1);

            // Rolled back: the next customer waits five days again.
            assertThat(api.post("/v1/journeys/review-request/rollback", "").status()).isEqualTo(200);
            Instant third = api.delivered("buyer-c");
            assertThat(api.reviewAsks("buyer-c", third.plus(Duration.ofDays(2)).plusSeconds(60))).isZero();
            assertThat(api.reviewAsks("buyer-c", third.plus(Duration.ofDays(5)).plusSeconds(60))).isEqualTo(1);

            // A dry run of the two-day candidate for a new customer: the ask is shown, nothing is sent or stored.
            api.events(List.of(api.profile("buyer-d", "e-d-1"), api.subscribed("buyer-d", "e-d-2")));
            long sentBefore = runtime.delivery().outbox().total();
            var journeysBefore = runtime.journeys().store().load("buyer-d");
            Instant now = runtime.clock().instant();
            Answer dryRun = api.post("/v1/journeys/dry-run", """
                    {"customerIds":["buyer-d"],"horizonDays":10,
                     "events":[{"type":"order_status_changed","properties":{"orderId":"o-d","status":"delivered"}}],
                     "definition":%s}""".formatted(shipped.replace("\"P5D\"", "\"P2D\"")));
            assertThat(dryRun.status()).isEqualTo(200);
            List<String> asks = new ArrayList<>();
            for (JsonNode message : dryRun.body().at("/customers/0/messages")) {
                if (message.path("campaign").asText().equals("review-request")) asks.add(message.path("at").asText());
            }
            assertThat(asks).containsExactly(now.plus(Duration.ofDays(2)).toString());
            assertThat(runtime.delivery().outbox().total()).isEqualTo(sentBefore);
            assertThat(runtime.journeys().store().load("buyer-d")).isEqualTo(journeysBefore);
            assertThat(api.get("/v1/customers/buyer-d/messages").body().path("messages").size()).isZero();
        }
    }

    /** The operator API with the steps this journey's story repeats. */
    private static final class Api {
        private final LocalRuntime runtime;
        private final OperatorApi operator;

        Api(LocalRuntime runtime) {
            this.runtime = runtime;
            this.operator = new OperatorApi(runtime);
        }

        Answer get(String path) throws Exception {
            return operator.get(path);
        }

        Answer post(String path, String body) throws Exception {
            return operator.post(path, body);
        }

        JsonNode listed(String id) throws Exception {
            for (JsonNode journey : get("/v1/journeys").body().path("journeys")) {
                if (journey.path("id").asText().equals(id)) return journey;
            }
            throw new AssertionError(id + " is not listed");
        }

        /** A subscribed customer whose order is delivered now; returns when. */
        Instant delivered(String customerId) throws Exception {
            String now = runtime.clock().instant().toString();
            events(List.of(profile(customerId, customerId + "-1"), subscribed(customerId, customerId + "-2"),
                    "{\"eventId\":\"" + customerId + "-3\",\"customerId\":\"" + customerId + "\",\"type\":"
                            + "\"order_status_changed\",\"occurredAt\":\"" + now + "\",\"properties\":"
                            + "{\"orderId\":\"o-" + customerId + "\",\"status\":\"delivered\"}}"));
            return runtime.clock().instant();
        }

        String profile(String customerId, String eventId) {
            return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"profile_updated\","
                    + "\"occurredAt\":\"" + runtime.clock().instant() + "\",\"properties\":{\"email\":\""
                    + customerId + "@example.com\",\"timezone\":\"Europe/Madrid\"}}";
        }

        String subscribed(String customerId, String eventId) {
            return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\","
                    + "\"type\":\"email_subscription_changed\",\"occurredAt\":\"" + runtime.clock().instant()
                    + "\",\"properties\":{\"status\":\"subscribed\"}}";
        }

        void events(List<String> bodies) throws Exception {
            Answer answer = post("/v1/events", "{\"events\":[" + String.join(",", bodies) + "]}");
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        }

        /** Moves the virtual clock to {@code at}, runs what fell due, and counts the review asks sent to the customer. */
        int reviewAsks(String customerId, Instant at) throws Exception {
            runtime.clock().set(at);
            runtime.schedules().tick();
            int asks = 0;
            for (JsonNode message : get("/v1/customers/" + customerId + "/messages").body().path("messages")) {
                if (message.at("/request/campaignId").asText().equals("review-request")
                        && message.path("status").asText().equals("sent")) {
                    asks++;
                }
            }
            return asks;
        }
    }
}
