package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.http.HttpRequestData;
import dev.winback.local.runtime.http.HttpResponseData;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime's HTTP server called in process, as an operator and the shop would: the ITs of the operator routes. */
final class OperatorApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {
    }

    private final LocalRuntime runtime;

    OperatorApi(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    Answer get(String path) throws Exception {
        return call("GET", path, "");
    }

    Answer post(String path, String body) throws Exception {
        return call("POST", path, body);
    }

    Answer put(String path, String body) throws Exception {
        return call("PUT", path, body);
    }

    int stored(String path, String body) throws Exception {
        Answer stored = post(path, body);
        assertThat(stored.status()).as(stored.body().toString()).isEqualTo(201);
        return stored.body().path("version").asInt();
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpResponseData response = runtime.server().dispatch(new HttpRequestData(method, URI.create(path.replace(" ", "%20")),
                Map.of("host", List.of("localhost"), "content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1"));
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return new Answer(response.status(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
    }

    void tickAt(Instant at) {
        runtime.clock().set(at);
        runtime.schedules().tick();
    }

    /**
     * App visits every 6 days ending at {@code last} (eleven of them), posted at {@code last}; with
     * {@code messaged}, one marketing message in the app on the last visit.
     */
    void visitsUntil(String customerId, Instant last, boolean messaged) throws Exception {
        tickAt(last);
        StringJoiner events = new StringJoiner(",", "{\"events\":[", "]}");
        for (int visit = 0; visit <= 10; visit++) {
            events.add("{\"eventId\":\"" + customerId + "-v" + visit + "\",\"customerId\":\"" + customerId
                    + "\",\"type\":\"session_started\",\"occurredAt\":\"" + last.minus(Duration.ofDays(6L * (10 - visit)))
                    + "\",\"properties\":{\"platform\":\"app\"}}");
        }
        if (messaged) {
            events.add("{\"eventId\":\"" + customerId + "-sent\",\"customerId\":\"" + customerId
                    + "\",\"type\":\"message_sent\",\"occurredAt\":\"" + last + "\",\"properties\":{\"messageId\":\""
                    + customerId + "-earlier\",\"channel\":\"in_app\",\"purpose\":\"marketing\"}}");
        }
        Answer answer = post("/v1/events", events.toString());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().toString()).doesNotContain("rejected");
    }

    /** The customer's only message in the ledger. */
    JsonNode message(String customerId) throws Exception {
        JsonNode messages = get("/v1/customers/" + customerId + "/messages").body().path("messages");
        assertThat(messages.size()).as(messages.toString()).isEqualTo(1);
        return messages.get(0);
    }

    JsonNode lapsedMessage(String customerId) throws Exception {
        JsonNode message = message(customerId);
        assertThat(message.at("/request/campaignId").asText()).isEqualTo("lapsed-any-channel");
        return message;
    }

    /** The customer's messages in the ledger, newest first. */
    List<JsonNode> messages(String customerId) throws Exception {
        JsonNode messages = get("/v1/customers/" + customerId + "/messages").body().path("messages");
        return StreamSupport.stream(messages.spliterator(), false).toList();
    }
}
