package dev.winback.core.outcome;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Opt-outs per unit and day, kept by adding increments like {@link OutcomeCounters}: callers add
 * only what a record write they have just made decided, so nothing counts twice.
 */
public interface OptOutCounters {

    OptOutCounters NONE = new OptOutCounters() {
        @Override
        public void add(Collection<OptOutCount> increments) {
        }

        @Override
        public List<OptOutCount> read(String unit, LocalDate from, LocalDate to) {
            return List.of();
        }
    };

    /** Adds each increment to its counter (one write per unit and day). Throws on failure. */
    void add(Collection<OptOutCount> increments);

    /** The unit's counts for the days from {@code from} through {@code to}. */
    List<OptOutCount> read(String unit, LocalDate from, LocalDate to);
}
