package dev.winback.local.runtime.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What one {@link LocalSchedules#tick()} did, one outcome per schedule that was due, in template order. */
public record TickReport(Instant at, List<Outcome> outcomes) {

    public TickReport {
        outcomes = List.copyOf(outcomes);
    }

    /** RAN: at least one run, none failed; IDLE: every due firing found nothing due, so none ran. */
    public enum Status { RAN, IDLE, FAILED, NO_TARGET }

    /**
     * Every due firing was run, skipped as idle, or coalesced into a later one.
     *
     * @param firstScheduledAt the earliest firing this tick considered
     * @param scheduledAt      the latest firing this tick considered
     * @param dueRuns          firings that fell due since the last tick
     * @param runs             how many times the target ran
     * @param idle             firings skipped because nothing was due then
     * @param error            the first failure (exception class and message, and how many runs failed), otherwise null
     */
    public record Outcome(String schedule, String functionId, String expression, Instant firstScheduledAt,
                          Instant scheduledAt, long dueRuns, long runs, long idle, Status status, String error,
                          long elapsedMillis) {

        /** Due firings folded into a later one because the tick had too many. */
        public long coalesced() {
            return Math.max(0, dueRuns - runs - idle);
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
                    .append(o.status().name().toLowerCase(Locale.ROOT));
            if (o.dueRuns() == 1) {
                text.append(" for ").append(o.scheduledAt());
            } else {
                text.append(" for firings from ").append(o.firstScheduledAt()).append(" to ").append(o.scheduledAt())
                        .append(": ran ").append(o.runs()).append(o.runs() == 1 ? " time" : " times");
            }
            if (o.idle() > 0) {
                text.append(" (").append(o.idle()).append(" idle: nothing was due)");
            }
            if (o.coalesced() > 0) {
                text.append(" (").append(o.coalesced()).append(" of ").append(o.dueRuns())
                        .append(" due runs coalesced, each run catching up with the ones it skipped)");
            }
            if (o.error() != null) {
                text.append(": ").append(o.error());
            }
        }
        return text.toString();
    }
}
