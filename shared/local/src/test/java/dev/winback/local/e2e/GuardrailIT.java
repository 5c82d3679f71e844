package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbOutcomeCounters;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.local.runtime.Fixtures;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.http.HttpRequestData;
import dev.winback.local.runtime.http.HttpResponseData;
import dev.winback.local.runtime.publish.InMemoryGuardrailEvents;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guardrails on the local runtime's scheduled ticks: the shipped lapsed rule's counters say its
 * messages make customers less likely to return (10% of 1,000 treated against 30% of 200 held out),
 * so the evaluator's schedule pauses it with a RulePaused event; GET /v1/reports/rules shows it
 * paused with the reason and figures; a customer who lapses while it is paused gets no lapsed
 * campaign; an operator resumes it through the route (RuleResumed), and the next customer to lapse
 * gets the campaign again, since only exposures from the resumption on are judged. Each customer
 * visits the app every 6 days and lapses 24 days after the last visit.
 */
class GuardrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration LAPSE = Duration.ofDays(24);
    private static final String RULE = "lapsed-any-channel";

    @Test
    void aHarmfulRuleIsPausedOnTheSchedule_decidesNothing_andAnOperatorResumesIt() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(Fixtures.repositoryTemplate(), 0, START, HoldoutShares.NONE)) {
            OperatorApi api = new OperatorApi(runtime);
            Instant firstLast = START.plus(Duration.ofDays(60));
            Instant pausedLast = START.plus(Duration.ofDays(70));
            api.visitsUntil("lapses-before-the-check", firstLast, false);
            api.visitsUntil("lapses-while-paused", pausedLast, false);
            assertThat(unit(api.get("/v1/reports/rules"), RULE).path("paused").asBoolean()).isFalse();

            // Before any harm shows, the rule runs: the first customer to lapse gets its campaign.
            Instant lapsedAt = firstLast.plus(LAPSE).plus(Duration.ofHours(12));
            api.tickAt(lapsedAt);
            assertThat(api.messages("lapses-before-the-check")).extracting(m -> m.at("/request/campaignId").asText())
                    .containsExactly(RULE);
            assertThat(runtime.guardrailEvents().published()).isEmpty();

            LocalDate exposed = OutcomeCount.dayOf(lapsedAt).minusDays(2);
            new DynamoDbOutcomeCounters(runtime.clients().dynamoDb(), runtime.config().tableName(), new CapacityMeter())
                    .add(List.of(new OutcomeCount(RULE, exposed, Assignment.TREATED, 1000, 100, 1000, Map.of()),
                            new OutcomeCount(RULE, exposed, Assignment.HELD_OUT, 200, 60, 0, Map.of())));
            // The next evaluator run (the second customer turning at risk) judges the counters.
            api.tickAt(pausedLast.plus(Duration.ofDays(18)).plus(Duration.ofHours(1)));

            assertThat(runtime.guardrailEvents().published()).singleElement().satisfies(event -> {
                assertThat(event.detailType()).isEqualTo("RulePaused");
                assertThat(event.unit()).isEqualTo(RULE);
                JsonNode detail = JSON.readTree(event.detail());
                assertThat(detail.path("type").asText()).isEqualTo("rule_paused");
                assertThat(detail.path("reason").asText()).isEqualTo("negative_lift");
                assertThat(detail.at("/figures/liftUpper").asDouble()).isNegative();
            });
            JsonNode paused = unit(api.get("/v1/reports/rules"), RULE);
            assertThat(paused.path("paused").asBoolean()).as(paused.toString()).isTrue();
            assertThat(paused.at("/pause/reason").asText()).isEqualTo("negative_lift");
            assertThat(paused.at("/pause/figures/treated").asLong()).isGreaterThanOrEqualTo(1000);
            assertThat(paused.at("/pause/figures/holdout").asLong()).isEqualTo(200);
            assertThat(paused.at("/pause/figures/liftUpper").asDouble()).isNegative();
            assertThat(unit(api.get("/v1/reports/rules"), "order-confirmation").path("paused").asBoolean()).isFalse();

            // Lapsing while the rule is paused: the rule does nothing on purpose, and no message is made.
            api.tickAt(pausedLast.plus(LAPSE).plus(Duration.ofHours(12)));
            assertThat(api.messages("lapses-while-paused")).isEmpty();

            OperatorApi.Answer resumed = api.post("/v1/reports/rules/" + RULE + "/resume", "");
            assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
            assertThat(resumed.body().at("/ended/reason").asText()).isEqualTo("negative_lift");
            assertThat(api.post("/v1/reports/rules/" + RULE + "/resume", "").status()).isEqualTo(409);
            assertThat(api.post("/v1/reports/rules/Not A Unit/resume", "").status()).isEqualTo(400);
            assertThat(runtime.guardrailEvents().published()).extracting(InMemoryGuardrailEvents.Published::detailType)
                    .containsExactly("RulePaused", "RuleResumed");
            JsonNode running = unit(api.get("/v1/reports/rules"), RULE);
            assertThat(running.path("paused").asBoolean()).isFalse();
            assertThat(running.path("resumedAt").asText()).isEqualTo(runtime.clock().instant().toString());

            // Resumed: the next lapse gets the campaign, and the old figures do not pause it again.
            Instant afterLast = runtime.clock().instant().plus(Duration.ofDays(1));
            api.visitsUntil("lapses-after-the-resumption", afterLast, false);
            api.tickAt(afterLast.plus(LAPSE).plus(Duration.ofHours(12)));
            assertThat(api.messages("lapses-after-the-resumption")).extracting(m -> m.at("/request/campaignId").asText())
                    .containsExactly(RULE);
            assertThat(unit(api.get("/v1/reports/rules"), RULE).path("paused").asBoolean()).isFalse();
            assertThat(runtime.guardrailEvents().published()).hasSize(2);
        }
    }

    private static JsonNode unit(OperatorApi.Answer report, String unit) {
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        return StreamSupport.stream(report.body().path("units").spliterator(), false)
                .filter(u -> u.path("unit").asText().equals(unit)).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " is not in " + report.body()));
    }
}
