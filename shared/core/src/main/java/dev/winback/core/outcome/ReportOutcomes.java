package dev.winback.core.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The lift of every unit over a range of exposure days, from the counters alone: one query per
 * unit, whatever the number of customers.
 */
public final class ReportOutcomes {

    private final OutcomeCounters counters;

    public ReportOutcomes(OutcomeCounters counters) {
        this.counters = counters;
    }

    /** @param units the units to report (the playbook's campaigns, the journeys), each once, sorted */
    public List<LiftEstimate> report(Collection<String> units, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("the range ends before it starts");
        List<LiftEstimate> estimates = new ArrayList<>();
        for (String unit : new TreeSet<>(units)) {
            estimates.add(LiftEstimate.of(unit, from, to, counters.read(unit, from, to)));
        }
        return estimates;
    }
}
