package dev.winback.local.runtime;

import dev.winback.core.journey.JourneyTransition;
import dev.winback.core.journey.JourneyTransitions;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the journeys stored, from ingestion and the timer, per journey: runs entered, steps
 * sent (messages decided; delivery may still hold or skip them) and exits by reason. Printed in
 * journey order, then reason order, so two runs of the same demo print the same lines.
 */
public final class JourneyTally implements JourneyTransitions {

    /** One journey's counts. */
    public record Counts(long entered, long sent, Map<String, Long> exits) {
    }

    private final Map<String, long[]> steps = new TreeMap<>();
    private final Map<String, Map<String, Long>> exits = new TreeMap<>();

    @Override
    public synchronized void stored(List<JourneyTransition> transitions) {
        for (JourneyTransition transition : transitions) {
            long[] counts = steps.computeIfAbsent(transition.journeyId(), id -> new long[2]);
            switch (transition) {
                case JourneyTransition.Entered entered -> counts[0]++;
                case JourneyTransition.Sent sent -> counts[1]++;
                case JourneyTransition.Exited exited -> exits.computeIfAbsent(exited.journeyId(), id -> new TreeMap<>())
                        .merge(exited.reason(), 1L, Long::sum);
                case JourneyTransition.NotEntered notEntered -> { }
            }
        }
    }

    /** By journey id. */
    public synchronized Map<String, Counts> counts() {
        Map<String, Counts> all = new TreeMap<>();
        steps.forEach((id, counts) -> all.put(id, new Counts(counts[0], counts[1],
                Map.copyOf(exits.getOrDefault(id, Map.of())))));
        return all;
    }

    /** One line per journey: entered, steps sent, exits by reason. */
    public void print(PrintStream out) {
        Map<String, Counts> all = counts();
        out.println("  journeys");
        if (all.isEmpty()) out.println("    (none entered)");
        all.forEach((id, counts) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-22s entered %,7d  sent %,7d",
                    id, counts.entered(), counts.sent()));
            if (!counts.exits().isEmpty()) {
                line.append("  exits");
                new TreeMap<>(counts.exits()).forEach((reason, n) ->
                        line.append(String.format(Locale.ROOT, " %s %,d", reason, n)));
            }
            out.println(line);
        });
    }
}
