package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.local.e2e.OperatorApi.Answer;
import dev.winback.local.runtime.Fixtures;
import dev.winback.local.runtime.LocalRuntime;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' segment API on the local runtime: a definition stored through PUT is in force for
 * the next writes; GET shows its version, count, counts by day and a sample; /members pages by
 * cursor; bad requests are refused with the field named, and nothing invalid is stored.
 */
class SegmentsApiIT {

    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void storeASegment_andReadItsCountAndMembersAsTheyChange() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(Fixtures.repositoryTemplate(), 0, START, HoldoutShares.NONE)) {
            OperatorApi api = new OperatorApi(runtime);
            String premiumCancelled;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("winback/segments/premium-cancelled.json")) {
                premiumCancelled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(api.get("/v1/segments/premium-cancelled").status()).isEqualTo(404);
            Answer refused = api.put("/v1/segments/premium-cancelled", premiumCancelled.replace("\"cancelled\"]", "\"gone\"]"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().path("problems").findValuesAsText("where")).containsExactly("conditions[0].statuses");
            assertThat(api.put("/v1/segments/other-id", premiumCancelled).status()).isEqualTo(422);
            assertThat(api.get("/v1/segments/Not%20An%20Id").status()).isEqualTo(400);
            Answer stored = api.put("/v1/segments/premium-cancelled", premiumCancelled);
            assertThat(stored.status()).as(stored.body().toString()).isEqualTo(200);
            assertThat(stored.body().path("version").asInt()).isEqualTo(1);

            List<String> cancelled = new ArrayList<>();
            StringJoiner events = new StringJoiner(",", "{\"events\":[", "]}");
            for (int i = 0; i < 12; i++) {
                String customer = "segapi-" + i;
                String status = i % 3 == 0 ? "started" : "cancelled";
                if (!status.equals("started")) cancelled.add(customer);
                events.add(membership(customer, "premium", status, START.minus(Duration.ofHours(1))));
            }
            assertThat(api.post("/v1/events", events.toString()).status()).isEqualTo(200);

            JsonNode shown = api.get("/v1/segments/premium-cancelled").body();
            assertThat(shown.path("version").asInt()).isEqualTo(1);
            assertThat(shown.path("count").asInt()).isEqualTo(cancelled.size());
            assertThat(shown.path("countsByDay")).hasSize(30);
            assertThat(shown.path("countsByDay").get(29).path("count").asInt()).isEqualTo(cancelled.size());
            assertThat(shown.path("countsByDay").get(28).path("count").asInt()).isZero();
            List<String> sample = new ArrayList<>();
            shown.path("sample").forEach(id -> sample.add(id.asText()));
            assertThat(sample).hasSize(Math.min(10, cancelled.size())).isSubsetOf(cancelled);

            // One customer starts again: out of the segment.
            String restarted = cancelled.removeFirst();
            assertThat(api.post("/v1/events", "{\"events\":[" + membership(restarted, "premium", "renewed",
                    START.minus(Duration.ofMinutes(1))) + "]}").status()).isEqualTo(200);
            List<String> listed = new ArrayList<>();
            String after = "";
            do {
                JsonNode page = api.get("/v1/segments/premium-cancelled/members?limit=3&after=" + after).body();
                assertThat(page.path("customerIds").size()).isLessThanOrEqualTo(3);
                page.path("customerIds").forEach(id -> listed.add(id.asText()));
                after = page.path("next").isNull() ? null : page.path("next").asText();
            } while (after != null);
            assertThat(listed).containsExactlyInAnyOrderElementsOf(cancelled);
            assertThat(api.get("/v1/segments/premium-cancelled/members?limit=0").status()).isEqualTo(400);
            assertThat(api.get("/v1/segments/premium-cancelled/members?after=nonsense").status()).isEqualTo(400);
            assertThat(api.get("/v1/segments/premium-cancelled").body().path("count").asInt()).isEqualTo(cancelled.size());
        }
    }

    private static String membership(String customer, String tier, String status, Instant at) {
        return "{\"eventId\":\"" + customer + "-" + status + "\",\"customerId\":\"" + customer
                + "\",\"type\":\"membership_changed\",\"occurredAt\":\"" + at + "\",\"properties\":{\"tier\":\"" + tier
                + "\",\"status\":\"" + status + "\"}}";
    }
}
