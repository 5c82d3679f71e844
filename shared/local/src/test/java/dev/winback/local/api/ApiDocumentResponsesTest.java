package dev.winback.local.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.functions.api.HttpApiComposition;
import dev.winback.functions.api.RouteTable;
import dev.winback.functions.links.PublicLinksComposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers the routes give before they reach any storage (refused ids, bodies, limits and links)
 * are documented: each status is among the operation's responses, with the content type the route
 * sends, and every problem body is valid against the document's Problem schema.
 */
class ApiDocumentResponsesTest {

    private static final AwsClients CLIENTS = new AwsClients(new UnusedDynamoDb());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiDocument document = ApiDocument.shipped();
    private final RouteTable operator;
    private final RouteTable links;

    ApiDocumentResponsesTest() {
        WinbackConfig config = new WinbackConfig("winback-test", "winback-bus");
        LinkConfig linkConfig = LinkConfig.localDevelopment(null);
        operator = new HttpApiComposition(config, CLIENTS, linkConfig.keys(), CLOCK).routes();
        links = new PublicLinksComposition(config, CLIENTS, linkConfig, CLOCK).routes();
    }

    @AfterAll
    static void close() {
        CLIENTS.close();
    }

    private record Call(String routeKey, Map<String, String> path, Map<String, String> query, String body,
                        boolean base64, int expectedStatus) {
        static Call of(String routeKey, Map<String, String> path, int expectedStatus) {
            return new Call(routeKey, path, Map.of(), null, false, expectedStatus);
        }

        Call withBody(String text) {
            return new Call(routeKey, path, query, text, base64, expectedStatus);
        }
    }

    @Test
    void everyAnswerGivenWithoutStorage_isDocumented() throws Exception {
        Map<String, String> badCustomer = Map.of("customerId", "ana@example.com");
        Map<String, String> customer = Map.of("customerId", "c-000123");
        Map<String, String> badToken = Map.of("token", "not-a-token");
        Map<String, String> badJourney = Map.of("journeyId", "Bad_Id");
        String oversized = "x".repeat(1024 * 1024 + 1);
        List<Call> calls = List.of(
                Call.of("POST /v1/events", Map.of(), 400).withBody("{}"),
                Call.of("POST /v1/events", Map.of(), 400).withBody("{\"events\":[{\"eventId\":\"e-1\","
                        + "\"customerId\":\"c-1\",\"type\":\"session_started\",\"occurredAt\":\"yesterday\"}]}"),
                new Call("POST /v1/events", Map.of(), Map.of(), "%%%", true, 400),
                Call.of("POST /v1/events", Map.of(), 413).withBody(oversized),
                Call.of("GET /v1/customers/{customerId}", badCustomer, 400),
                Call.of("DELETE /v1/customers/{customerId}", badCustomer, 400),
                Call.of("GET /v1/customers/{customerId}/export", badCustomer, 400),
                Call.of("GET /v1/customers/{customerId}/messages", badCustomer, 400),
                Call.of("GET /v1/customers/{customerId}/inbox", badCustomer, 400),
                new Call("GET /v1/customers/{customerId}/inbox", customer, Map.of("limit", "0"), null, false, 400),
                Call.of("GET /v1/customers/{customerId}/preferences", badCustomer, 400),
                Call.of("PUT /v1/customers/{customerId}/preferences", customer, 400).withBody("not json"),
                Call.of("PUT /v1/customers/{customerId}/preferences", customer, 413).withBody(oversized),
                Call.of("GET /v1/journeys/{journeyId}", badJourney, 400),
                Call.of("GET /v1/journeys/{journeyId}/versions/{version}", Map.of("journeyId", "Bad_Id", "version", "1"), 400),
                Call.of("POST /v1/journeys/{journeyId}/versions", badJourney, 400).withBody("{}"),
                Call.of("POST /v1/journeys/{journeyId}/activate", badJourney, 400).withBody("{\"version\":1}"),
                Call.of("POST /v1/journeys/{journeyId}/rollback", badJourney, 400),
                Call.of("POST /v1/journeys/{journeyId}/deactivate", badJourney, 400),
                Call.of("POST /v1/journeys/validate", Map.of(), 400).withBody("{\"id\":"),
                Call.of("POST /v1/journeys/validate", Map.of(), 422).withBody("{\"id\":\"x\"}"),
                Call.of("POST /v1/journeys/validate", Map.of(), 413).withBody(oversized),
                Call.of("POST /v1/journeys/dry-run", Map.of(), 400).withBody("{\"customerIds\":[]}"),
                Call.of("POST /v1/journeys/dry-run", Map.of(), 422)
                        .withBody("{\"customerIds\":[\"c-1\"],\"definition\":{\"id\":\"x\"}}"),
                Call.of("POST /v1/catalog/activate", Map.of(), 400).withBody("{\"version\":\"one\"}"),
                Call.of("POST /v1/campaigns", Map.of(), 400).withBody("{\"id\":\"Bad Id\",\"purpose\":\"spam\"}"),
                Call.of("POST /v1/campaigns", Map.of(), 400).withBody("{\"id\":"),
                Call.of("POST /v1/campaigns", Map.of(), 413).withBody(oversized),
                Call.of("GET /v1/campaigns/{campaignId}", Map.of("campaignId", "Bad_Id"), 400),
                Call.of("POST /v1/campaigns/{campaignId}/cancel", Map.of("campaignId", "Bad_Id"), 400),
                Call.of("POST /v1/campaigns/{campaignId}/test", Map.of("campaignId", "Bad_Id"), 400),
                Call.of("POST /v1/campaigns/{campaignId}/test", Map.of("campaignId", "holiday"), 400)
                        .withBody("{\"testId\":\"no spaces\"}"),
                Call.of("POST /v1/campaigns/{campaignId}/test", Map.of("campaignId", "holiday"), 413).withBody(oversized),
                Call.of("GET /p/{token}/json", badToken, 404),
                Call.of("PUT /p/{token}/json", badToken, 404).withBody("{\"maxPerWeek\":3}"),
                Call.of("GET /u/{token}", badToken, 404),
                Call.of("POST /u/{token}", badToken, 404).withBody("List-Unsubscribe=One-Click"),
                Call.of("GET /k/{token}", badToken, 404),
                Call.of("POST /k/{token}", badToken, 404).withBody("keep=yes"),
                Call.of("GET /p/{token}", badToken, 404),
                Call.of("POST /p/{token}", badToken, 404).withBody("maxPerWeek=3"));

        for (Call call : calls) {
            APIGatewayV2HTTPResponse response = (call.routeKey().contains(" /v1/") ? operator : links).handle(request(call));
            String what = call.routeKey() + " " + call.path() + " answered " + response.getStatusCode();
            assertThat(response.getStatusCode()).as(what).isEqualTo(call.expectedStatus());

            JsonNode documented = document.operation(call.routeKey()).path("responses")
                    .path(String.valueOf(response.getStatusCode()));
            assertThat(documented.isMissingNode()).as(what + ": documented").isFalse();
            String contentType = response.getHeaders().get("content-type").split(";")[0].trim();
            JsonNode content = document.resolve(documented).path("content").path(contentType);
            assertThat(content.isMissingNode()).as(what + ": documented as " + contentType).isFalse();
            if (contentType.equals("application/problem+json")) {
                assertThat(problemViolations(response.getBody(), content)).as(what + ": " + response.getBody()).isEmpty();
            }
        }
    }

    @Test
    void theProblemSchema_refusesWhatARouteNeverSends() throws Exception {
        JsonNode content = document.resolve(document.operation("POST /v1/events").path("responses").path("400"))
                .path("content").path("application/problem+json");

        assertThat(problemViolations("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"d\",\"errors\":[{\"field\":\"f\",\"message\":\"m\"}]}", content)).isEmpty();
        assertThat(problemViolations("{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"d\"}", content)).isNotEmpty();
        assertThat(problemViolations("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"d\",\"errors\":[{\"field\":\"f\",\"message\":\"m\",\"value\":\"ana@example.com\"}]}",
                content)).isNotEmpty();
    }

    private List<String> problemViolations(String body, JsonNode content) throws Exception {
        JsonNode schema = document.resolve(content.path("schema"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                .validate(JSON.readTree(body)).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage())
                .toList();
    }

    private static APIGatewayV2HTTPEvent request(Call call) {
        String method = call.routeKey().substring(0, call.routeKey().indexOf(' '));
        boolean form = call.body() != null && !call.body().startsWith("{") && !call.base64() && !call.routeKey().contains("/v1/");
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(call.routeKey())
                .withPathParameters(call.path())
                .withQueryStringParameters(call.query())
                .withHeaders(form ? Map.of("content-type", "application/x-www-form-urlencoded") : Map.of())
                .withBody(call.body())
                .withIsBase64Encoded(call.base64())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withSourceIp("203.0.113.7").build()).build())
                .build();
    }
}
