package dev.winback.local.runtime;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.local.runtime.http.HttpRequestData;
import dev.winback.local.runtime.http.HttpResponseData;
import dev.winback.local.runtime.lambda.SqsEvents;
import dev.winback.core.outcome.HoldoutShares;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the evaluator requests is delivered in process; email lands in the local outbox. */
class LocalDeliveryTest {

    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void aLapsedCustomersCampaignLandsInTheOutbox_andTheLedgerListsIt() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(Fixtures.repositoryTemplate(), 0, START, HoldoutShares.NONE)) {
            // Email always goes to the outbox locally; only SMS and push may go to an SNS emulator.
            EventJsonWriter writer = new EventJsonWriter();
            List<String> bodies = new ArrayList<>();
            bodies.add(writer.toJson(new EngagementEvent("p-1", "reader-1", START, Optional.empty(),
                    new EventPayload.ProfileUpdated(Optional.of("reader@example.com"), Optional.empty(),
                            Optional.of("Europe/Madrid"), Optional.empty(), Optional.empty(), Optional.empty()))));
            bodies.add(writer.toJson(new EngagementEvent("s-1", "reader-1", START, Optional.empty(),
                    new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED))));
            for (int visit = 0; visit <= 10; visit++) {
                bodies.add(writer.toJson(new EngagementEvent("v-" + visit, "reader-1", START.plus(Duration.ofDays(6L * visit)),
                        Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP))));
            }
            runtime.clock().set(START.plus(Duration.ofDays(60)));
            runtime.schedules().tick();
            SQSBatchResponse response = runtime.ingest().handleRequest(SqsEvents.batch(bodies, runtime.clock().instant()), null);
            assertThat(response.getBatchItemFailures()).isEmpty();

            runtime.clock().set(START.plus(Duration.ofDays(85)));
            runtime.schedules().tick();

            assertThat(runtime.delivery().tally().sentByChannel()).containsEntry("email", 1L);
            JsonNode outbox = new ObjectMapper().readTree(get(runtime, "/local/outbox").body());
            assertThat(outbox.path("total").asLong()).isEqualTo(1);
            assertThat(outbox.at("/messages/0/channel").asText()).isEqualTo("email");
            assertThat(outbox.at("/messages/0/customerId").asText()).isEqualTo("reader-1");
            JsonNode messages = new ObjectMapper().readTree(get(runtime, "/v1/customers/reader-1/messages").body());
            assertThat(messages.at("/messages/0/status").asText()).isEqualTo("sent");
            assertThat(messages.at("/messages/0/request/campaignId").asText()).isEqualTo("lapsed-any-channel");
        }
    }

    private static HttpResponseData get(LocalRuntime runtime, String path) {
        return runtime.server().dispatch(new HttpRequestData("GET", URI.create(path),
                Map.of("host", List.of("localhost")), new byte[0], "127.0.0.1", "HTTP/1.1"));
    }
}
