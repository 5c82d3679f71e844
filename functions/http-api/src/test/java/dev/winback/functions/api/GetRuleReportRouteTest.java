package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.outcome.OutcomeCounters;
import dev.winback.core.outcome.ReportOutcomes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GetRuleReportRouteTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-28T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.parse("2026-07-28");

    final List<String> asked = new ArrayList<>();
    final OutcomeCounters counters = new OutcomeCounters() {
        @Override
        public void add(Collection<OutcomeCount> increments) {
        }

        @Override
        public List<OutcomeCount> read(String unit, LocalDate from, LocalDate to) {
            asked.add(unit + " " + from + " " + to);
            if (!unit.equals("winback")) return List.of();
            return List.of(new OutcomeCount(unit, TODAY, Assignment.TREATED, 200, 60, 240,
                            Map.of("EUR", new BigDecimal("400.00"))),
                    new OutcomeCount(unit, TODAY, Assignment.HELD_OUT, 50, 10, 0, Map.of()));
        }
    };
    final GetRuleReportRoute route = new GetRuleReportRoute(new ReportOutcomes(counters),
            () -> List.of("winback", "birthday"), CLOCK);

    private APIGatewayV2HTTPResponse get(Map<String, String> query) {
        APIGatewayV2HTTPEvent request = new APIGatewayV2HTTPEvent();
        request.setQueryStringParameters(query);
        return route.handle(request);
    }

    @Test
    void withoutARange_reportsTheLast28DaysOfEveryUnit() throws Exception {
        APIGatewayV2HTTPResponse response = get(null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(asked).containsExactly("birthday 2026-07-01 2026-07-28", "winback 2026-07-01 2026-07-28");
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.path("from").asText()).isEqualTo("2026-07-01");
        assertThat(body.path("interval").asText()).isEqualTo("wald-95");
        JsonNode birthday = body.path("units").get(0);
        assertThat(birthday.path("unit").asText()).isEqualTo("birthday");
        assertThat(birthday.path("lift").isNull()).isTrue();
        JsonNode winback = body.path("units").get(1);
        assertThat(winback.path("treated").path("exposed").asLong()).isEqualTo(200);
        assertThat(winback.path("holdout").path("converted").asLong()).isEqualTo(10);
        assertThat(winback.path("lift").asDouble()).isCloseTo(0.10, within(1e-9));
        assertThat(winback.path("liftLower").asDouble()).isCloseTo(-0.0277740, within(1e-6));
        assertThat(winback.path("treated").path("revenuePerCustomer").path("EUR").decimalValue())
                .isEqualByComparingTo("2.00");
        assertThat(winback.path("messagesPerRetained").asDouble()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void aGivenRange_isReadAsIs_andABadOneIsRefused() {
        assertThat(get(Map.of("from", "2026-06-01", "to", "2026-06-30")).getStatusCode()).isEqualTo(200);
        assertThat(asked).contains("winback 2026-06-01 2026-06-30");

        assertThat(get(Map.of("from", "June")).getStatusCode()).isEqualTo(400);
        assertThat(get(Map.of("from", "2026-07-02", "to", "2026-07-01")).getStatusCode()).isEqualTo(400);
        assertThat(get(Map.of("from", "2024-01-01", "to", "2026-07-01")).getStatusCode()).isEqualTo(400);
    }
}
