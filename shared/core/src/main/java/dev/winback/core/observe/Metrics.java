package dev.winback.core.observe;

import java.util.List;

/**
 * Where the core reports its business counts. The composition root decides where they go (CloudWatch
 * metrics in a deployment), and when: a count is added up until the invocation ends.
 */
@FunctionalInterface
public interface Metrics {

    /** Drops every count; for tests and runtimes that do not report. */
    Metrics NONE = (metric, dimensionValues, count) -> { };

    /**
     * @param dimensionValues one value per name in {@link Metric#dimensions()}, in that order
     */
    void add(Metric metric, List<String> dimensionValues, long count);

    default void add(Metric metric, long count) {
        add(metric, List.of(), count);
    }
}
