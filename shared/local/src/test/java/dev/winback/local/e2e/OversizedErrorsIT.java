package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.functions.api.HttpApiHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs with thousands of bad fields: the errors named are capped at a hundred (FieldError.MAX_LISTED)
 * per event and per request, with a count of the rest, so a bad queue message is kept as a rejected
 * event (under DynamoDB's 400 KB item limit) instead of failing until it reaches the dead-letter
 * queue, and a bad HTTP request never gets a response over Lambda's 6 MB limit.
 */
class OversizedErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LISTED = 100;
    private static final int SQS_MAX_MESSAGE_BYTES = 256 * 1024;
    private static final int DYNAMODB_MAX_ITEM_BYTES = 400 * 1024;
    private static final int LAMBDA_MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void a250KbMessageWithThousandsOfBadFields_isKeptAsARejectedEvent_notRetried() {
        String eventId = "oversized-queue-1";
        String body = eventWithUnknownFields(eventId, 250_000);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(240_000, SQS_MAX_MESSAGE_BYTES);
        int unknown = unknownFields(body);

        assertThat(fixture.sendBodies(List.of(body))).as("batch item failures").isEmpty();

        Map<String, AttributeValue> kept = rejectedItemWith(eventId);
        assertThat(kept.get("reasons").l()).hasSize(LISTED);
        assertThat(kept.get("reasons").l().getFirst().s()).isEqualTo("x000000: is not a field of an engagement event");
        assertThat(Integer.parseInt(kept.get("reasonsOmitted").n())).isEqualTo(unknown - LISTED);
        assertThat(itemBytes(kept)).isLessThan(DYNAMODB_MAX_ITEM_BYTES / 2);
    }

    @Test
    void a1MbRequestWithThousandsOfBadFields_getsASmallProblemNamingTheFirstHundred() throws Exception {
        HttpApiHandler api = HttpApiHandler.local(fixture.config, fixture.clients,
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        StringBuilder request = new StringBuilder("{\"events\":[");
        int unknown = 0;
        for (int i = 0; i < 500; i++) {
            String event = eventWithUnknownFields("oversized-http-" + i, 2_080);
            unknown += unknownFields(event);
            request.append(i == 0 ? "" : ",").append(event);
        }
        String body = request.append("]}").toString();
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(1_000_000, 1024 * 1024);

        APIGatewayV2HTTPEvent post = new APIGatewayV2HTTPEvent();
        post.setRouteKey("POST /v1/events");
        post.setBody(body);
        APIGatewayV2HTTPResponse response = api.handleRequest(post, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        int responseBytes = response.getBody().getBytes(StandardCharsets.UTF_8).length;
        assertThat(responseBytes).as("response bytes").isLessThan(LAMBDA_MAX_RESPONSE_BYTES / 100);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("errors")).hasSize(LISTED);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("events[0].x000000");
        assertThat(problem.path("errorsOmitted").asInt()).isEqualTo(unknown - LISTED);
        assertThat(problem.path("detail").asText()).startsWith(unknown + " invalid field(s) (the first 100 are listed)");
    }

    /** A valid session_started padded with unknown fields x000000, x000001, ... to about {@code bytes}. */
    private static String eventWithUnknownFields(String eventId, int bytes) {
        StringBuilder event = new StringBuilder("{\"eventId\":\"" + eventId + "\",\"customerId\":\"oversized\","
                + "\"type\":\"session_started\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\"properties\":{\"platform\":\"app\"}");
        for (int i = 0; event.length() < bytes - 13; i++) {
            event.append(",\"x").append(String.format("%06d", i)).append("\":0");
        }
        return event.append('}').toString();
    }

    private static int unknownFields(String event) {
        return event.split("\"x[0-9]{6}\":").length - 1;
    }

    private Map<String, AttributeValue> rejectedItemWith(String eventId) {
        return fixture.rejectedItems("2026-12-01").stream()
                .filter(item -> item.get("body").s().contains("\"" + eventId + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("no rejected item for " + eventId));
    }

    /** The item's size as DynamoDB counts it, near enough: names and values in UTF-8, numbers as text. */
    private static long itemBytes(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (var entry : item.entrySet()) {
            bytes += entry.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes(entry.getValue());
        }
        return bytes;
    }

    private static long valueBytes(AttributeValue value) {
        if (value.s() != null) return value.s().getBytes(StandardCharsets.UTF_8).length;
        if (value.n() != null) return value.n().length();
        if (value.hasL()) return 3 + value.l().stream().mapToLong(v -> 1 + valueBytes(v)).sum();
        return 1;
    }
}
