package dev.winback.local.runtime;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.local.runtime.http.HttpRequestData;
import dev.winback.local.runtime.http.HttpResponseData;
import dev.winback.local.runtime.lambda.SqsEvents;
import dev.winback.local.runtime.schedule.TickReport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's scheduled functions run on the local runtime's virtual clock. */
class LocalEvaluationTest {

    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void tick_runsTheEvaluatorAndTheFit_andTheSummaryAndTheApiShowWhatTheyConcluded() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(Fixtures.repositoryTemplate(), 0, START)) {
            EventJsonWriter writer = new EventJsonWriter();
            List<String> bodies = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                for (int visit = 0; visit <= 10; visit++) {
                    Instant at = START.plus(Duration.ofDays(6L * visit));
                    bodies.add(writer.toJson(new EngagementEvent("e-" + c + "-" + visit, "lapsing-" + c, at,
                            Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP))));
                }
            }
            runtime.clock().set(START.plus(Duration.ofDays(60)));
            runtime.schedules().tick();
            SQSBatchResponse response = runtime.ingest().handleRequest(SqsEvents.batch(bodies, runtime.clock().instant()), null);
            assertThat(response.getBatchItemFailures()).isEmpty();

            runtime.clock().set(START.plus(Duration.ofDays(85)));
            TickReport tick = runtime.schedules().tick();

            assertThat(tick.outcomes()).extracting(TickReport.Outcome::functionId)
                    .contains("EvaluateCustomersFunction", "FitPurchaseModelFunction");
            assertThat(tick.outcomes()).extracting(TickReport.Outcome::status)
                    .doesNotContain(TickReport.Status.FAILED, TickReport.Status.NO_TARGET);
            assertThat(runtime.actionEvents().count()).isEqualTo(3);
            assertThat(runtime.deliveryRequests().count()).isEqualTo(3);
            EvaluationSummary summary = runtime.evaluationSummary();
            assertThat(summary.customers()).isEqualTo(3);
            assertThat(summary.byState()).containsEntry("lapsed", 3L);
            assertThat(summary.bySignal()).containsEntry("lapsed", 3L);
            assertThat(summary.byAction()).containsEntry("lapsed_campaign", 3L);
            assertThat(summary.examples()).singleElement().asString()
                    .startsWith("lapsed -> lapsed_campaign: no app, web or store activity for 24 days");

            HttpResponseData customer = runtime.server().dispatch(new HttpRequestData("GET",
                    URI.create("/v1/customers/lapsing-0"), Map.of("host", List.of("localhost")), new byte[0],
                    "127.0.0.1", "HTTP/1.1"));
            assertThat(customer.status()).isEqualTo(200);
            JsonNode evaluation = new ObjectMapper().readTree(customer.body()).path("evaluation");
            assertThat(evaluation.path("state").asText()).isEqualTo("lapsed");
            assertThat(evaluation.path("since").asText()).isEqualTo("2026-08-24T09:00:00Z");
            assertThat(evaluation.path("riskScore").asDouble()).isBetween(0.75, 1.0);
            assertThat(evaluation.at("/signals/0/type").asText()).isEqualTo("lapsed");
            assertThat(evaluation.at("/signals/0/explanation").asText())
                    .isEqualTo("no app, web or store activity for 24 days; usual gap 6 days");
            assertThat(evaluation.at("/nextDeadline/at").asText()).isEqualTo("2027-01-27T09:00:00Z");
            assertThat(evaluation.at("/nextDeadline/reason").asText()).startsWith("LAPSED -> DORMANT");
        }
    }
}
