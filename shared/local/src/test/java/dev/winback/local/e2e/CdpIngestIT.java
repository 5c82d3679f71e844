package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.config.CdpWriteKeys;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.local.runtime.LocalRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /v1/cdp/{source} through {@code run-local serve}: the real CDP handler in front of the real
 * ingestion on DynamoDB Local. Segment's documented example messages (events/cdp-segment-*.json)
 * become records; a bad write key gets 401 and leaves the table as it was; an anonymous visitor's
 * record is folded into the customer an identify names, and later anonymous events follow.
 */
class CdpIngestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    private static final String LOCAL_KEY = CdpWriteKeys.LOCAL_DEVELOPMENT_KEY;

    // One runtime for the class: each test has customers of its own.
    private static LocalRuntime runtime;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(IngestFixture.templatePath(), 0, START, HoldoutShares.NONE);
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
        runtime.close();
    }

    @Test
    void segmentsDocumentedExamples_ingest() throws Exception {
        assertThat(statuses(cdp(LOCAL_KEY, sample("cdp-segment-identify.json"), 200))).containsExactly("accepted");
        assertThat(statuses(cdp(LOCAL_KEY, sample("cdp-segment-page.json"), 200))).containsExactly("accepted");
        assertThat(statuses(cdp(LOCAL_KEY, sample("cdp-segment-screen.json"), 200))).containsExactly("accepted");
        assertThat(statuses(cdp(LOCAL_KEY, sample("cdp-segment-order-completed.json"), 200))).containsExactly("accepted");
        assertThat(statuses(cdp(LOCAL_KEY, sample("cdp-segment-track.json"), 200))).containsExactly("ignored");
        assertThat(statuses(cdp(LOCAL_KEY, sample("cdp-segment-batch.json"), 200)))
                .containsExactly("accepted", "ignored", "ignored");

        JsonNode peter = get("/v1/customers/97980cfea0067", 200);
        assertThat(peter.at("/profile/email/value").asText()).isEqualTo("peter@example.com");
        assertThat(peter.at("/platforms/web/count").asInt()).isEqualTo(1);
        assertThat(peter.at("/platforms/app/count").asInt()).isEqualTo(1);
        JsonNode buyer = get("/v1/customers/019mr8mf4r", 200);
        assertThat(buyer.at("/purchases/orders").asInt()).isEqualTo(1);
        assertThat(buyer.at("/profile/email/value").asText()).isEqualTo("jake@yahoo.com");
        assertThat(buyer.at("/purchases/spend/USD").asText()).isEqualTo("27.50");

        // Sent again (a CDP retries): every event is a duplicate, nothing counts twice.
        cdp(LOCAL_KEY, sample("cdp-segment-page.json"), 200);
        cdp(LOCAL_KEY, sample("cdp-segment-order-completed.json"), 200);
        assertThat(get("/v1/customers/97980cfea0067", 200).at("/platforms/web/count").asInt()).isEqualTo(1);
        assertThat(get("/v1/customers/019mr8mf4r", 200).at("/purchases/orders").asInt()).isEqualTo(1);
    }

    @Test
    void aBadOrMissingWriteKey_gets401_andNothingIsStored() throws Exception {
        int before = items();
        String order = sample("cdp-segment-order-completed.json").replace("019mr8mf4r", "c-never-stored");

        JsonNode wrong = cdp("not-the-write-key-of-this-source", order, 401);
        assertThat(wrong.path("status").asInt()).isEqualTo(401);
        cdp(null, order, 401);
        cdp(null, "{\"writeKey\":\"wrong-key-in-the-body-000\"," + order.substring(order.indexOf('{') + 1), 401);
        cdp(null, "{\"type\":\"page\",\"userId\":\"c-never-stored\"", 401);
        cdp("not-the-write-key-of-this-source", "{\"batch\":[" + "{},".repeat(400_000) + "{}]}", 401);

        assertThat(items()).as("items in the table").isEqualTo(before);
        get("/v1/customers/c-never-stored", 404);
    }

    @Test
    void theWriteKeyInTheBody_isAcceptedAsTheSpecAllows() throws Exception {
        String page = "{\"writeKey\":\"" + LOCAL_KEY + "\",\"type\":\"page\",\"userId\":\"c-body-key\","
                + "\"messageId\":\"m-body-1\",\"timestamp\":\"2026-05-30T10:00:00Z\"}";

        assertThat(statuses(cdp(null, page, 200))).containsExactly("accepted");
        assertThat(get("/v1/customers/c-body-key", 200).at("/platforms/web/count").asInt()).isEqualTo(1);
    }

    @Test
    void aBatchWithBadItems_answersEachOne_andTheRestIsStored() throws Exception {
        String batch = "{\"batch\":["
                + "{\"type\":\"page\",\"userId\":\"c-mixed\",\"messageId\":\"m-1\",\"timestamp\":\"2026-05-30T10:00:00Z\"},"
                + "{\"type\":\"identify\",\"userId\":\"c-mixed\",\"messageId\":\"m-2\",\"traits\":{\"phone\":\"555-0100\"}},"
                + "{\"type\":\"page\",\"userId\":\"c-mixed\",\"messageId\":\"m-3\",\"timestamp\":\"2026-06-02T10:00:00Z\"},"
                + "{\"type\":\"screen\",\"messageId\":\"m-4\"}]}";

        JsonNode answer = cdp(LOCAL_KEY, batch, 200);

        assertThat(statuses(answer)).containsExactly("accepted", "invalid", "invalid", "invalid");
        assertThat(answer.at("/results/1/errors/0/field").asText()).isEqualTo("traits.phone");
        assertThat(answer.at("/results/2/errors/0/field").asText()).as("dated a day ahead").isEqualTo("timestamp");
        assertThat(answer.at("/results/3/errors/0/field").asText()).isEqualTo("userId");
        assertThat(get("/v1/customers/c-mixed", 200).at("/platforms/web/count").asInt()).isEqualTo(1);
    }

    @Test
    void anAnonymousVisitor_isFoldedIntoTheCustomerAnIdentifyNames_andLaterAnonymousEventsFollow() throws Exception {
        cdp(LOCAL_KEY, "{\"batch\":["
                + "{\"type\":\"track\",\"event\":\"Application Installed\",\"anonymousId\":\"dev-42\",\"messageId\":\"a-1\","
                + "\"timestamp\":\"2026-05-20T10:00:00Z\",\"context\":{\"device\":{\"type\":\"android\"}}},"
                + "{\"type\":\"screen\",\"anonymousId\":\"dev-42\",\"messageId\":\"a-2\",\"timestamp\":\"2026-05-21T10:00:00Z\"},"
                + "{\"type\":\"identify\",\"anonymousId\":\"dev-42\",\"messageId\":\"a-3\",\"timestamp\":\"2026-05-21T10:01:00Z\","
                + "\"traits\":{\"email\":\"ana@example.com\"}}]}", 200);
        assertThat(get("/v1/customers/anon:dev-42", 200).at("/profile/email/value").asText()).isEqualTo("ana@example.com");

        assertThat(statuses(cdp(LOCAL_KEY, "{\"type\":\"identify\",\"anonymousId\":\"dev-42\",\"userId\":\"c-ana\","
                + "\"messageId\":\"a-4\",\"timestamp\":\"2026-05-22T10:00:00Z\",\"context\":{\"timezone\":\"Europe/Madrid\"}}", 200)))
                .containsExactly("accepted");

        JsonNode ana = get("/v1/customers/c-ana", 200);
        assertThat(ana.at("/profile/email/value").asText()).as("folded from the anonymous record").isEqualTo("ana@example.com");
        assertThat(ana.at("/profile/timezone/value").asText()).isEqualTo("Europe/Madrid");
        assertThat(ana.at("/platforms/app/lastSeen").asText()).isEqualTo("2026-05-21T10:00:00Z");
        assertThat(ana.at("/install/installed/value").asBoolean()).isTrue();

        cdp(LOCAL_KEY, "{\"type\":\"screen\",\"anonymousId\":\"dev-42\",\"messageId\":\"a-5\",\"timestamp\":\"2026-05-25T10:00:00Z\"}", 200);

        assertThat(get("/v1/customers/c-ana", 200).at("/platforms/app/lastSeen").asText()).isEqualTo("2026-05-25T10:00:00Z");
        assertThat(get("/v1/customers/anon:dev-42", 200).at("/platforms/app/lastSeen").asText())
                .as("the anonymous record no longer changes").isEqualTo("2026-05-21T10:00:00Z");
    }

    private static JsonNode cdp(String writeKey, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.server().baseUri() + "/v1/cdp/default"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (writeKey != null) {
            request.header("authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String path, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(runtime.server().baseUri() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static int items() {
        String table = runtime.config().tableName();
        return runtime.clients().dynamoDb().scan(b -> b.tableName(table)).count();
    }

    private static List<String> statuses(JsonNode answer) {
        return answer.path("results").findValuesAsText("status");
    }

    private static String sample(String name) throws Exception {
        return Files.readString(IngestFixture.templatePath().getParent().resolve("events").resolve(name));
    }
}
