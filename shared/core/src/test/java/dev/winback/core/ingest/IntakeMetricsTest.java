package dev.winback.core.ingest;

import dev.winback.core.observe.RecordedMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeMetricsTest {

    @Test
    void count_storedEventsAsIngested_invalidOnesAsRejected_andNothingElse() {
        RecordedMetrics metrics = new RecordedMetrics();

        IntakeMetrics.count(List.of(new IntakeResult.Applied("e-1"), new IntakeResult.Applied("e-2"),
                new IntakeResult.Duplicate("e-1"), new IntakeResult.Rejected(null, List.of(new FieldError("type", "is missing"))),
                new IntakeResult.Retry("e-3"), new IntakeResult.Erased("e-4")), metrics);

        assertThat(metrics.totals()).isEqualTo(Map.of("EventsIngested", 2L, "EventsRejected", 1L));
    }

    @Test
    void count_reportsNoZeroes() {
        RecordedMetrics metrics = new RecordedMetrics();

        IntakeMetrics.count(List.of(new IntakeResult.Duplicate("e-1")), metrics);

        assertThat(metrics.totals()).isEmpty();
    }
}
