package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.functions.api.HttpApiHandler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API handler on the API Gateway fixtures in events/, against DynamoDB Local. */
class HttpApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IngestFixture fixture = IngestFixture.get();
    private final HttpApiHandler api = HttpApiHandler.local(fixture.config, fixture.clients,
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void postEvents_fixture_appliesEachEventOnceAndReportsDuplicatesOnResend() throws Exception {
        APIGatewayV2HTTPEvent request = Fixtures.load("apigw-post-events.json", APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse first = api.handleRequest(request, null);
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(statuses(first)).containsOnly("applied").hasSize(4);

        APIGatewayV2HTTPResponse again = api.handleRequest(request, null);
        assertThat(statuses(again)).containsOnly("duplicate").hasSize(4);

        APIGatewayV2HTTPEvent get = Fixtures.load("apigw-get-customer.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse customer = api.handleRequest(get, null);
        assertThat(customer.getStatusCode()).isEqualTo(200);
        JsonNode record = JSON.readTree(customer.getBody());
        assertThat(record.path("customerId").asText()).isEqualTo("c-000123");
        assertThat(record.path("purchases").path("orders").asLong()).isEqualTo(1);
        assertThat(record.has("seen")).as("bookkeeping stays internal").isFalse();
    }

    @Test
    void postEvents_withOneInvalidEvent_answers400NamingTheFieldAndAppliesNothing() throws Exception {
        String body = """
                {"events":[
                  {"eventId":"ok-1","customerId":"api-400","type":"session_started","occurredAt":"2026-10-01T10:00:00Z","properties":{"platform":"app"}},
                  {"eventId":"bad-1","customerId":"api-400","type":"session_started","occurredAt":"yesterday","properties":{"platform":"tv"}}
                ]}""";
        APIGatewayV2HTTPResponse response = api.handleRequest(post(body), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").findValuesAsText("field"))
                .contains("events[1].occurredAt", "events[1].properties.platform");
        assertThat(problem.path("errors").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(response.getBody()).doesNotContain("yesterday").doesNotContain("\"tv\"");
        assertThat(api.handleRequest(getCustomer("api-400"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void postEvents_withAnEventDatedAfterItsReceipt_answers400AndAppliesNothing() throws Exception {
        String body = """
                {"events":[
                  {"eventId":"now-1","customerId":"api-future","type":"session_started","occurredAt":"2026-11-30T23:59:00Z","properties":{"platform":"app"}},
                  {"eventId":"late-1","customerId":"api-future","type":"consent_changed","occurredAt":"2026-12-01T00:10:00Z","properties":{"channel":"email","purpose":"marketing","granted":true,"source":"web","wordingVersion":"v1"}}
                ]}""";
        APIGatewayV2HTTPResponse response = api.handleRequest(post(body), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("events[1].occurredAt");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("300 seconds");
        assertThat(api.handleRequest(getCustomer("api-future"), null).getStatusCode()).as("nothing applied").isEqualTo(404);
    }

    @Test
    void postEvents_bodyProblems_areSpecific() throws Exception {
        APIGatewayV2HTTPResponse notJson = api.handleRequest(post("{\"events\": ["), null);
        assertThat(notJson.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("$");

        APIGatewayV2HTTPResponse empty = api.handleRequest(post("{\"events\": []}"), null);
        assertThat(empty.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("events");

        String huge = "{\"events\":[\"" + "x".repeat(1_100_000) + "\"]}";
        APIGatewayV2HTTPResponse tooLarge = api.handleRequest(post(huge), null);
        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        assertThat(tooLarge.getHeaders()).containsEntry("content-type", "application/problem+json");
    }

    @Test
    void getCustomer_unknownOrInvalidIds() throws Exception {
        assertThat(api.handleRequest(getCustomer("nobody-here"), null).getStatusCode()).isEqualTo(404);
        APIGatewayV2HTTPResponse invalid = api.handleRequest(getCustomer("ana@example.com"), null);
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("customerId");
        assertThat(invalid.getBody()).doesNotContain("ana@example.com");
    }

    private static APIGatewayV2HTTPEvent post(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /v1/events");
        event.setRawPath("/v1/events");
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }

    private static APIGatewayV2HTTPEvent getCustomer(String id) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("GET /v1/customers/{customerId}");
        event.setRawPath("/v1/customers/" + id);
        event.setPathParameters(Map.of("customerId", id));
        return event;
    }

    private static java.util.List<String> statuses(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody()).path("results").findValuesAsText("status");
    }
}
