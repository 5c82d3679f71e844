package dev.winback.local.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.schedule.TickReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalControlRoutesTest {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualClock clock = new VirtualClock(START);
    private final LocalControlRoutes routes = new LocalControlRoutes(clock, () -> new TickReport(clock.instant(),
            List.of(new TickReport.Outcome("EvaluateFunction.Hourly", "EvaluateFunction", "rate(1 hour)",
                    START.minusSeconds(7200), START, 3, 1, 0, TickReport.Status.RAN, null, 12))));

    private HttpResponseData post(String path, String body) {
        return routes.handle("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponseData response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void getClock_returnsVirtualNow() throws IOException {
        HttpResponseData response = routes.handle("GET", "/local/clock", new byte[0]);
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("now").asText()).isEqualTo("2026-11-23T00:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({
            "P7D,     2026-11-30T00:00:00Z",
            "PT36H,   2026-11-24T12:00:00Z",
            "PT0S,    2026-11-23T00:00:00Z",
            "P1M,     2026-12-23T00:00:00Z",
    })
    void advance_movesTheClockAndReturnsTheNewTime(String duration, String expected) throws IOException {
        HttpResponseData response = post("/local/clock", "{\"advance\":\"" + duration + "\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("now").asText()).isEqualTo(expected);
        assertThat(json(response).path("previous").asText()).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void set_placesTheClockAnywhereIncludingEarlier() throws IOException {
        HttpResponseData response = post("/local/clock", "{\"set\":\"2026-01-01T09:30:00Z\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("now").asText()).isEqualTo("2026-01-01T09:30:00Z");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"advance\":\"7 days\"}                      | advance",
            "{\"advance\":7}                               | advance",
            "{\"advance\":\"-P1D\"}                        | advance",
            "{\"set\":\"yesterday\"}                       | set",
            "{\"set\":\"2026-11-23\"}                      | set",
            "{\"set\":null}                                | set",
            "{\"jump\":\"P1D\"}                            | jump",
    })
    void badField_is400ProblemNamingTheField(String body, String field) throws IOException {
        HttpResponseData response = post("/local/clock", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().get("content-type")).containsExactly(ProblemJson.CONTENT_TYPE);
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).startsWith(field + ":");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(clock.instant()).isEqualTo(START);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "[]", "{}", "{\"advance\":\"P1D\",\"set\":\"2026-11-23T00:00:00Z\"}"})
    void malformedRequest_is400(String body) {
        assertThat(post("/local/clock", body).status()).isEqualTo(400);
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void tick_reportsWhatRan() throws IOException {
        HttpResponseData response = post("/local/tick", "");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("ran").get(0).path("schedule").asText()).isEqualTo("EvaluateFunction.Hourly");
        assertThat(body.path("ran").get(0).path("runs").asLong()).isEqualTo(1);
        assertThat(body.path("ran").get(0).path("coalesced").asLong()).isEqualTo(2);
        assertThat(body.path("ran").get(0).path("status").asText()).isEqualTo("RAN");
    }

    @Test
    void wrongMethodOrUnknownLocalRoute_isProblem() {
        assertThat(routes.handle("DELETE", "/local/clock", new byte[0]).status()).isEqualTo(405);
        assertThat(routes.handle("GET", "/local/tick", new byte[0]).status()).isEqualTo(405);
        assertThat(routes.handle("GET", "/local/other", new byte[0]).status()).isEqualTo(404);
    }
}
