package dev.winback.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.http.HttpRequestData;
import dev.winback.local.runtime.http.HttpResponseData;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs the ground-truth scenario on a fresh local runtime: the {@link GroundTruthBase}'s events
 * through the real ingest, the engine deciding on the virtual clock, and a {@link ClosedLoop} feeding
 * back the returns its decisions cause; then reads the outcome report over the exposures up to the
 * horizon. Under the shipped playbook, or under the naive baseline ({@link WeeklyAtRisk}) with every
 * rule of the playbook stored as a deliberate no-op through the playbook version routes (the lapsed
 * rule's no-op named after the weekly unit, which makes it a unit the report lists).
 */
public final class GroundTruthRun {

    /**
     * The holdouts of the simulation: the default 5% control group, and 45% of the rest per unit. The
     * interval is narrowest when the two groups are the same size and a share must stay below a half:
     * 5% + 95% × 45% ≈ 48% held out, so a few thousand customers measure each rule to a few points.
     * (A deployment keeps the defaults, which send more and measure more slowly.)
     */
    public static final HoldoutShares HOLDOUTS = new HoldoutShares(HoldoutShares.DEFAULT_GLOBAL, 0.45);

    public enum Policy {
        PLAYBOOK("shipped playbook"),
        WEEKLY_AT_RISK("everyone at risk, weekly");

        private final String label;

        Policy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private GroundTruthRun() {
    }

    public static PolicyOutcome run(java.nio.file.Path template, GroundTruthBase base, TrueEffects truth, Policy policy,
                                    PrintStream progressOut) {
        try (LocalRuntime runtime = LocalRuntime.start(template, 0, base.config().start(),
                LocalRuntime.DynamoDbAccess.EMBEDDED, DemoRun.RUNS_PER_TICK, System.getenv(), HOLDOUTS)) {
            storeGuardrails(runtime);
            ClosedLoop loop = new ClosedLoop(truth, base.config().seed(), base.horizon());
            runtime.delivery().listen(loop);
            if (policy == Policy.WEEKLY_AT_RISK) {
                storeNoOpPlaybook(runtime);
                WeeklyAtRisk weekly = new WeeklyAtRisk(base, loop, runtime.delivery().journeyMessages());
                loop.afterEachBatch(weekly::runDue);
            }
            EventJsonWriter writer = new EventJsonWriter();
            List<String> events = base.events().stream().map(writer::toJson).toList();
            DemoSummary summary = new DemoRun(runtime, progressOut).run(events, events.size(), loop);
            JsonNode report;
            try {
                report = RuleOutcomes.read(runtime, base.config().start(), base.horizon());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (report == null) throw new IllegalStateException("GET /v1/reports/rules did not answer 200");
            return PolicyOutcome.of(policy.label(), truth, report, loop.tallies(), summary.fed(),
                    summary.elapsed().toNanos() / 1e9);
        }
    }

    /**
     * Guardrails that can judge this base, stored and activated as an operator would: a rule here
     * decides a few hundred times in the guardrails' 28-day window, under the shipped minimum of 500.
     */
    static final int GUARDRAIL_MINIMUM_DECISIONS = 200;

    static void storeGuardrails(LocalRuntime runtime) {
        ObjectNode settings = (ObjectNode) call(runtime, "GET", "/v1/settings", null, 200).path("settings").deepCopy();
        settings.putObject("guardrails").put("enabled", true).put("minimumDecisions", GUARDRAIL_MINIMUM_DECISIONS)
                .put("unsubscribeRate", 0.02).put("complaintRate", 0.003).put("windowDays", 28);
        int version = call(runtime, "POST", "/v1/settings/versions", settings.toString(), 201).path("version").asInt();
        call(runtime, "POST", "/v1/settings/activate", "{\"version\":" + version + "}", 200);
    }

    /** Every rule of the shipped playbook as a deliberate no-op, stored and activated as an operator would. */
    static void storeNoOpPlaybook(LocalRuntime runtime) {
        ObjectNode playbook = (ObjectNode) call(runtime, "GET", "/v1/playbook", null, 200).path("playbook").deepCopy();
        playbook.put("version", "2026-12-1");
        for (JsonNode rule : playbook.path("rules")) {
            // The lapsed rule's campaign becomes the weekly policy's unit, so the report measures it.
            String campaign = rule.path("signal").asText().equals("lapsed") ? TrueEffects.WEEKLY_UNIT
                    : rule.path("actions").path(0).path("campaign").asText();
            ArrayNode actions = JSON.createArrayNode();
            actions.addObject().put("action", "none").put("campaign", campaign).put("purpose", "marketing");
            ((ObjectNode) rule).set("actions", actions);
        }
        int version = call(runtime, "POST", "/v1/playbook/versions", playbook.toString(), 201).path("version").asInt();
        call(runtime, "POST", "/v1/playbook/activate", "{\"version\":" + version + "}", 200);
    }

    private static JsonNode call(LocalRuntime runtime, String method, String path, String body, int expected) {
        HttpResponseData response = runtime.server().dispatch(new HttpRequestData(method, URI.create(path),
                Map.of("host", List.of("localhost"), "content-type", List.of("application/json")),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1"));
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (response.status() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
