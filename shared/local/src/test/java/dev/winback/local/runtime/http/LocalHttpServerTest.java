package dev.winback.local.runtime.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.runtime.Fixtures;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.schedule.TickReport;
import dev.winback.local.runtime.template.HttpApiRoutes;
import dev.winback.local.runtime.template.SamTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalHttpServerTest {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingHandler handler = new RecordingHandler();
    private final VirtualClock clock = new VirtualClock(START);
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalHttpServer server;

    @BeforeEach
    void start() {
        server = LocalHttpServer.start(0,
                HttpApiRoutes.from(SamTemplate.read(Fixtures.template("local-fixture.yaml"))),
                Map.of("HttpApiFunction", handler),
                new LocalControlRoutes(clock, () -> new TickReport(clock.instant(), List.of())),
                clock);
        server.accessLog(false);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + server.port() + pathAndQuery);
    }

    @Test
    void post_isShapedAsApiGatewayPayload2() throws Exception {
        String body = "{\"customerId\":\"c-1\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/events?dry=1&tag=a&tag=b&q=x%20y"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Correlation-Id", "corr-1")
                .header("Cookie", "session=abc; theme=dark")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        APIGatewayV2HTTPEvent event = handler.last();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /v1/events");
        assertThat(event.getRawPath()).isEqualTo("/v1/events");
        assertThat(event.getRawQueryString()).isEqualTo("dry=1&tag=a&tag=b&q=x%20y");
        assertThat(event.getQueryStringParameters()).containsExactly(
                Map.entry("dry", "1"), Map.entry("tag", "a,b"), Map.entry("q", "x y"));
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8")
                .containsEntry("x-correlation-id", "corr-1")
                .containsEntry("x-forwarded-proto", "http")
                .containsKey("host")
                .doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(event.getCookies()).containsExactly("session=abc", "theme=dark");
        assertThat(event.getBody()).isEqualTo(body);
        assertThat(event.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo("POST /v1/events");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getRequestId()).isNotBlank();
        assertThat(context.getTimeEpoch()).as("virtual time").isEqualTo(START.toEpochMilli());
        assertThat(context.getTime()).isEqualTo("23/Nov/2026:00:00:00 +0000");
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/v1/events");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getAuthorizer().getIam().getUserArn()).contains("winback-local");
        assertThat(handler.contexts.getLast().getFunctionName()).isEqualTo("HttpApiFunction");
    }

    @Test
    void get_extractsDecodedPathParameters_andLeavesEmptyQueryAbsent() throws Exception {
        send(HttpRequest.newBuilder(uri("/v1/customers/cust%20%C3%A9-1")).GET());

        APIGatewayV2HTTPEvent event = handler.last();
        assertThat(event.getRouteKey()).isEqualTo("GET /v1/customers/{customerId}");
        assertThat(event.getPathParameters()).containsExactly(Map.entry("customerId", "cust é-1"));
        assertThat(event.getRawPath()).isEqualTo("/v1/customers/cust é-1");
        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void binaryBody_isBase64Encoded() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        send(HttpRequest.newBuilder(uri("/v1/events"))
                .header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));

        assertThat(handler.last().getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(handler.last().getBody())).isEqualTo(bytes);
    }

    @Test
    void response_writesStatusHeadersCookiesAndDecodesBase64Bodies() throws Exception {
        handler.answer(event -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "image/png", "x-winback", "yes"))
                .withCookies(List.of("a=1", "b=2"))
                .withBody(Base64.getEncoder().encodeToString(new byte[] {9, 8, 7}))
                .withIsBase64Encoded(true)
                .build());
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-winback")).contains("yes");
        assertThat(response.headers().firstValue("content-type")).contains("image/png");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(response.body()).containsExactly(9, 8, 7);
    }

    @Test
    void unknownRoute_isProblemJson404() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v2/nothing")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains(ProblemJson.CONTENT_TYPE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isEqualTo("Not Found");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).contains("GET /v2/nothing");
        assertThat(handler.events).isEmpty();
    }

    @Test
    void wrongMethodOnAKnownPath_isNotFoundAsInHttpApis() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/v1/events")).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void bodyOverTenMegabytes_is413WithoutCallingTheHandler() throws Exception {
        byte[] big = new byte[LocalHttpServer.MAX_BODY_BYTES + 1];
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/events"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).contains(ProblemJson.CONTENT_TYPE);
        assertThat(handler.events).isEmpty();
    }

    @Test
    void handlerFailure_is500ProblemWithoutInternals() throws Exception {
        handler.answer(event -> {
            throw new IllegalStateException("secret table name");
        });
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/customers/c1")).GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret");
    }

    @Test
    void routeOfAFunctionNotRunLocally_is502() throws Exception {
        try (LocalHttpServer other = LocalHttpServer.start(0,
                HttpApiRoutes.from(SamTemplate.read(Fixtures.template("local-fixture.yaml"))), Map.of(),
                new LocalControlRoutes(clock, () -> new TickReport(clock.instant(), List.of())), clock)) {
            other.accessLog(false);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + other.port() + "/v1/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("HttpApiFunction");
        }
    }

    @Test
    void dispatch_inProcess_goesThroughTheSameRouting() {
        HttpResponseData response = server.dispatch(new HttpRequestData("GET", URI.create("/v1/customers/c-9"),
                Map.of("Host", List.of("localhost")), new byte[0], "127.0.0.1", "HTTP/1.1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(handler.last().getPathParameters()).containsEntry("customerId", "c-9");
    }

    @Test
    void localClockRoute_isServedByTheRuntimeNotTheFunction() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/local/clock"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"P7D\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("now").asText()).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(handler.events).isEmpty();
    }
}
