package dev.winback.local.runtime;

import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the scheduled evaluation concluded over the local run: customers by lifecycle state (as last
 * evaluated; {@value #NOT_EVALUATED} for those whose first timer has not fired yet), customers by
 * signal they hold, actions published by type, and a few explanations of actions, one per signal type.
 */
public record EvaluationSummary(long customers, Map<String, Long> byState, Map<String, Long> bySignal,
                                Map<String, Long> byAction, long actionsPublished, List<String> examples) {

    public static final String NOT_EVALUATED = "not_evaluated";
    static final int EXAMPLES = 3;

    public EvaluationSummary {
        // Sorted by name, so the same run prints the same summary (Map.copyOf's order changes per JVM).
        byState = Collections.unmodifiableMap(new TreeMap<>(byState));
        bySignal = Collections.unmodifiableMap(new TreeMap<>(bySignal));
        byAction = Collections.unmodifiableMap(new TreeMap<>(byAction));
        examples = List.copyOf(examples);
    }

    static EvaluationSummary of(List<EngagementRecord> records, List<ActionRequest> published) {
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> bySignal = new TreeMap<>();
        for (EngagementRecord record : records) {
            String state = switch (record.evaluation()) {
                case Evaluation.NotEvaluated none -> NOT_EVALUATED;
                case Evaluation.Evaluated evaluated -> evaluated.state().name().toLowerCase(Locale.ROOT);
            };
            byState.merge(state, 1L, Long::sum);
            Set<String> held = new LinkedHashSet<>();
            for (EvaluatedSignal signal : record.evaluation().signals()) held.add(signal.type().wireName());
            held.forEach(type -> bySignal.merge(type, 1L, Long::sum));
        }
        Map<String, Long> byAction = new TreeMap<>();
        Set<String> exampleTypes = new LinkedHashSet<>();
        List<String> examples = new ArrayList<>();
        // Examples in a fixed order of requests, not the order concurrent runs happened to publish them.
        List<ActionRequest> inKeyOrder = published.stream()
                .sorted(Comparator.comparing(ActionRequest::idempotencyKey)).toList();
        for (ActionRequest request : inKeyOrder) {
            byAction.merge(request.action().wireName(), 1L, Long::sum);
            if (examples.size() < EXAMPLES && exampleTypes.add(request.signalType().wireName())) {
                examples.add(request.signalType().wireName() + " -> " + request.action().wireName() + ": "
                        + request.signalExplanation());
            }
        }
        return new EvaluationSummary(records.size(), byState, bySignal, byAction, published.size(), examples);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "Evaluation: %,d customers, %,d actions published%n", customers, actionsPublished);
        section(out, "lifecycle state", byState);
        section(out, "customers with signal", bySignal);
        section(out, "actions by type", byAction);
        out.println("  example explanations");
        examples.forEach(example -> out.println("    " + example));
    }

    private static void section(PrintStream out, String title, Map<String, Long> counts) {
        out.println("  " + title);
        counts.forEach((key, count) -> out.printf(Locale.ROOT, "    %-24s %,10d%n", key, count));
    }
}
