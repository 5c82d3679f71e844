package dev.winback.local.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What one {@link LocalSchedules#tick()} did, in the order the schedules were tried. */
public record TickReport(Instant at, List<Outcome> outcomes) {

    public TickReport {
        outcomes = List.copyOf(outcomes);
    }

    public enum Status { RAN, FAILED, NO_TARGET }

    /**
     * @param dueRuns firings that fell due since the last run; the target ran once for all of them
     * @param error   exception class and message when the target failed, otherwise null
     */
    public record Outcome(String schedule, String functionId, String expression, Instant scheduledAt,
                          long dueRuns, Status status, String error, long elapsedMillis) {

        public long coalesced() {
            return Math.max(0, dueRuns - 1);
        }
    }

    public boolean nothingDue() {
        return outcomes.isEmpty();
    }

    /** One line per schedule that was due, or "no schedules due". */
    public String summary() {
        if (outcomes.isEmpty()) {
            return "no schedules due at " + at;
        }
        StringBuilder text = new StringBuilder();
        for (Outcome o : outcomes) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(o.schedule()).append(" [").append(o.expression()).append("] ")
                    .append(o.status().name().toLowerCase(Locale.ROOT))
                    .append(" for ").append(o.scheduledAt());
            if (o.coalesced() > 0) {
                text.append(" (").append(o.coalesced()).append(" earlier due runs coalesced)");
            }
            if (o.error() != null) {
                text.append(": ").append(o.error());
            }
        }
        return text.toString();
    }
}
