package dev.winback.core.ingest;

import dev.winback.core.observe.Metric;
import dev.winback.core.observe.Metrics;

import java.util.List;

/** Counts what became of a batch of events: stored, and refused as invalid. */
public final class IntakeMetrics {

    private IntakeMetrics() {
    }

    public static void count(List<IntakeResult> results, Metrics metrics) {
        long applied = results.stream().filter(IntakeResult.Applied.class::isInstance).count();
        long rejected = results.stream().filter(IntakeResult.Rejected.class::isInstance).count();
        if (applied > 0) metrics.add(Metric.EVENTS_INGESTED, applied);
        if (rejected > 0) metrics.add(Metric.EVENTS_REJECTED, rejected);
    }
}
