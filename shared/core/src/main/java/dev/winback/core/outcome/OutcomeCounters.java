package dev.winback.core.outcome;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Counters per unit, day and group, kept by adding increments: each write adds to what is there,
 * so writers never read first and never conflict. Adding is not idempotent: callers add only what
 * a record write they have just made decided (a crash in between under-counts, never double counts).
 */
public interface OutcomeCounters {

    OutcomeCounters NONE = new OutcomeCounters() {
        @Override
        public void add(Collection<OutcomeCount> increments) {
        }

        @Override
        public List<OutcomeCount> read(String unit, LocalDate from, LocalDate to) {
            return List.of();
        }
    };

    /** Adds each increment to its counters (one write per unit, day and group). Throws on failure. */
    void add(Collection<OutcomeCount> increments);

    /** The unit's counters of every group for the days from {@code from} through {@code to}. */
    List<OutcomeCount> read(String unit, LocalDate from, LocalDate to);
}
