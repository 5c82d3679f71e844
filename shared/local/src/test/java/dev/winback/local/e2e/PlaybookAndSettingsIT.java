package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.runtime.Fixtures;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.http.HttpRequestData;
import dev.winback.local.runtime.http.HttpResponseData;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' playbook and settings on the local runtime, on its virtual clock, with no restart:
 * a lower frequency cap holds the next lapsed campaign of a customer messaged before, where the
 * shipped caps let the same one through; a changed lapsed rule is what the next evaluation requests;
 * invalid versions are refused with every problem named while the running ones keep running; a
 * rollback restores the shipped rule. Each customer visits the app every 6 days and lapses 24 days
 * after the last visit; the evaluator, the journeys and delivery read the versions a minute after
 * an activation at most, as deployed functions do.
 */
class PlaybookAndSettingsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration LAPSE = Duration.ofDays(24);

    @Test
    void operatorsChangeCapsAndRules_refuseWhatIsInvalid_andRollBack_withoutARestart() throws Exception {
        // No holdouts: this test is about which messages the rules allow, not about measuring them.
        try (LocalRuntime runtime = LocalRuntime.start(Fixtures.repositoryTemplate(), 0, START, HoldoutShares.NONE)) {
            OperatorApi api = new OperatorApi(runtime);
            String shippedSettings = api.get("/v1/settings").body().path("settings").toString();
            String shippedPlaybook = api.get("/v1/playbook").body().path("playbook").toString();
            assertThat(api.get("/v1/settings").body().path("source").asText()).isEqualTo("shipped");

            // Two customers messaged once on their last visit; the first lapses under the shipped caps.
            Instant shippedLast = START.plus(Duration.ofDays(60));
            Instant cappedLast = START.plus(Duration.ofDays(70));
            Instant changedLast = START.plus(Duration.ofDays(80));
            api.visitsUntil("under-shipped-caps", shippedLast, true);
            api.visitsUntil("under-lower-cap", cappedLast, true);
            api.visitsUntil("under-changed-rule", changedLast, false);
            api.tickAt(shippedLast.plus(LAPSE).plus(Duration.ofHours(12)));
            assertThat(api.lapsedMessage("under-shipped-caps").path("status").asText()).isEqualTo("sent");

            // An invalid settings version: every problem named, nothing stored, the shipped settings run on.
            OperatorApi.Answer refused = api.post("/v1/settings/versions", shippedSettings.replace("\"PT4H\"", "\"four hours\"")
                    .replace("{\"max\":1,\"window\":\"P14D\"}", "{\"max\":0,\"window\":\"P14D\"}"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().path("problems").findValuesAsText("where"))
                    .containsExactlyInAnyOrder("receiptWait", "frequencyCaps.reduced[0].max");
            assertThat(api.post("/v1/settings/validate", shippedSettings).status()).isEqualTo(200);
            assertThat(api.get("/v1/settings").body().path("latest").asInt()).isZero();

            // One marketing message in 25 days: the same lapse is now held, as the cap says.
            String lowerCap = shippedSettings.replace(
                    "\"global\":[{\"max\":1,\"window\":\"P1D\"},{\"max\":3,\"window\":\"P7D\"}]",
                    "\"global\":[{\"max\":1,\"window\":\"P25D\"}]");
            assertThat(lowerCap).isNotEqualTo(shippedSettings);
            int settingsVersion = api.stored("/v1/settings/versions", lowerCap);
            OperatorApi.Answer activated = api.post("/v1/settings/activate", "{\"version\":" + settingsVersion + "}");
            assertThat(activated.status()).isEqualTo(200);
            assertThat(activated.body().path("active").asInt()).isEqualTo(settingsVersion);
            api.tickAt(cappedLast.plus(LAPSE).plus(Duration.ofHours(12)));
            JsonNode held = api.lapsedMessage("under-lower-cap");
            assertThat(held.path("status").asText()).as(held.toString()).isEqualTo("held");
            api.tickAt(cappedLast.plus(Duration.ofDays(25)).plus(Duration.ofMinutes(30)));
            assertThat(api.lapsedMessage("under-lower-cap").path("status").asText())
                    .as("sent once the cap frees").isEqualTo("sent");

            // An invalid playbook: every problem named, and the shipped one keeps running.
            OperatorApi.Answer badPlaybook = api.post("/v1/playbook/versions", shippedPlaybook
                    .replace("\"2026-11-1\"", "\"November\"").replace("\"lapsed-any-channel\"", "\"Lapsed Any\""));
            assertThat(badPlaybook.status()).isEqualTo(422);
            assertThat(badPlaybook.body().path("problems").findValuesAsText("where")).hasSize(2)
                    .contains("version").anyMatch(where -> where.endsWith(".campaign"));
            assertThat(api.get("/v1/playbook").body().path("active").asInt()).isZero();

            // The lapsed rule changed: another campaign, in the app only; the next evaluation requests it.
            String changedRule = shippedPlaybook.replace("\"2026-11-1\"", "\"2026-12-1\"").replace(
                    "\"campaign\":\"lapsed-any-channel\",\"channels\":[\"email\",\"push\",\"sms\",\"in_app\"]",
                    "\"campaign\":\"lapse-new-products\",\"channels\":[\"in_app\"]");
            assertThat(changedRule).contains("lapse-new-products").doesNotContain("lapsed-any-channel");
            int playbookVersion = api.stored("/v1/playbook/versions", changedRule);
            assertThat(api.post("/v1/playbook/activate", "{\"version\":" + playbookVersion + "}").status())
                    .isEqualTo(200);
            api.tickAt(changedLast.plus(LAPSE).plus(Duration.ofHours(12)));
            JsonNode changed = api.message("under-changed-rule");
            assertThat(changed.at("/request/campaignId").asText()).isEqualTo("lapse-new-products");
            assertThat(changed.path("status").asText()).isEqualTo("sent");

            // Rolled back: the shipped rule and caps again, for the next customer to lapse.
            OperatorApi.Answer rolledBack = api.post("/v1/playbook/rollback", "");
            assertThat(rolledBack.status()).isEqualTo(200);
            assertThat(rolledBack.body().path("source").asText()).isEqualTo("shipped");
            assertThat(api.post("/v1/settings/rollback", "").body().path("active").asInt()).isZero();
            assertThat(api.post("/v1/playbook/rollback", "").status()).as("back to version 1: its activation")
                    .isEqualTo(200);
            assertThat(api.post("/v1/playbook/activate", "{\"version\":0}").body().path("source").asText())
                    .isEqualTo("shipped");
            Instant restoredLast = runtime.clock().instant();
            api.visitsUntil("after-rollback", restoredLast, true);
            api.tickAt(restoredLast.plus(LAPSE).plus(Duration.ofHours(12)));
            JsonNode restored = api.lapsedMessage("after-rollback");
            assertThat(restored.path("status").asText()).as("the shipped caps let it through").isEqualTo("sent");
            assertThat(api.post("/v1/playbook/activate", "{\"version\":99}").status()).isEqualTo(404);
        }
    }
}
