package dev.winback.core.evaluation;

import dev.winback.core.observe.Metric;
import dev.winback.core.observe.Metrics;
import dev.winback.core.playbook.ActionRequest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Counts an evaluator run: the records it evaluated, and the actions published by rule. */
public final class EvaluationMetrics {

    private EvaluationMetrics() {
    }

    public static void count(EvaluateDueCustomers.Report report, Metrics metrics) {
        if (report.evaluated() > 0) metrics.add(Metric.EVALUATIONS, report.evaluated());
    }

    /**
     * The publishers, the event bus's counting the actions it accepts by rule: every action goes to
     * the bus exactly once (consumers deduplicate redeliveries on the key), so it is counted once.
     */
    public static Map<Destination, ActionPublisher> countingActions(Map<Destination, ActionPublisher> publishers,
                                                                    Metrics metrics) {
        Map<Destination, ActionPublisher> counting = new EnumMap<>(publishers);
        ActionPublisher bus = publishers.get(Destination.EVENT_BUS);
        if (bus != null) counting.put(Destination.EVENT_BUS, requests -> countAccepted(bus.publish(requests), requests, metrics));
        return counting;
    }

    private static Set<String> countAccepted(Set<String> accepted, List<ActionRequest> requests, Metrics metrics) {
        Map<String, Long> byRule = new TreeMap<>();
        for (ActionRequest request : requests) {
            if (accepted.contains(request.idempotencyKey())) byRule.merge(request.campaignId(), 1L, Long::sum);
        }
        byRule.forEach((rule, count) -> metrics.add(Metric.ACTIONS, List.of(rule), count));
        return accepted;
    }
}
