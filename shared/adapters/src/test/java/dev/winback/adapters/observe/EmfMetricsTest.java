package dev.winback.adapters.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.observe.Metric;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmfMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final EmfMetrics metrics = new EmfMetrics("winback", lines::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void flush_writesOneDocumentPerDimensionValues_addedUp_underTheNamespaceAndService() throws Exception {
        metrics.add(Metric.EVENTS_INGESTED, 4);
        metrics.add(Metric.EVENTS_INGESTED, 3);
        metrics.add(Metric.EVENTS_REJECTED, 1);
        metrics.add(Metric.ACTIONS, List.of("lapsed"), 2);

        metrics.flush();

        assertThat(lines).hasSize(2);
        JsonNode events = JSON.readTree(lines.get(0).contains("EventsIngested") ? lines.get(0) : lines.get(1));
        JsonNode directive = EmfDocuments.directive(events, NOW);
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"service\"]]");
        assertThat(EmfDocuments.metricNames(directive)).containsExactlyInAnyOrder("EventsIngested", "EventsRejected");
        assertThat(events.get("service").asText()).isEqualTo("winback");
        assertThat(events.get("EventsIngested").asLong()).isEqualTo(7);
        assertThat(events.get("EventsRejected").asLong()).isEqualTo(1);

        JsonNode actions = JSON.readTree(lines.get(0).contains("EventsIngested") ? lines.get(1) : lines.get(0));
        assertThat(EmfDocuments.directive(actions, NOW).get("Dimensions").toString())
                .as("by rule, and by service alone").isEqualTo("[[\"service\"],[\"service\",\"rule\"]]");
        assertThat(actions.get("rule").asText()).isEqualTo("lapsed");
        assertThat(actions.get("Actions").asLong()).isEqualTo(2);
    }

    @Test
    void flush_startsAgainFromNothing_andWritesNothingWhenNothingWasCounted() {
        metrics.add(Metric.EVALUATIONS, 5);
        metrics.flush();
        metrics.flush();

        assertThat(lines).hasSize(1);
    }

    @Test
    void add_refusesValuesThatDoNotMatchTheMetricsDimensions() {
        assertThatThrownBy(() -> metrics.add(Metric.MESSAGES, List.of("email"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[channel, decision]");
    }
}
