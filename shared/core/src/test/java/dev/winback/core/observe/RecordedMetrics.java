package dev.winback.core.observe;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds up what the core reports, by "Name" or "Name[value,value]", for assertions. */
public final class RecordedMetrics implements Metrics {

    private final Map<String, Long> totals = new TreeMap<>();

    @Override
    public synchronized void add(Metric metric, List<String> dimensionValues, long count) {
        if (dimensionValues.size() != metric.dimensions().size()) throw new IllegalArgumentException(metric.name());
        String key = dimensionValues.isEmpty() ? metric.metricName() : metric.metricName() + dimensionValues;
        totals.merge(key, count, Long::sum);
    }

    public synchronized Map<String, Long> totals() {
        return Map.copyOf(totals);
    }
}
