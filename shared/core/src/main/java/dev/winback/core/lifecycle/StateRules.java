package dev.winback.core.lifecycle;

import dev.winback.core.record.ChannelState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecentEvent;
import dev.winback.core.record.RiskState;
import dev.winback.core.record.Stamped;
import dev.winback.core.signal.Signal;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.signal.ThresholdWatch;
import dev.winback.core.signal.VisitRhythm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table of {@link RiskState}, applied at one instant. Time enters only through the watch, so the
 * lifecycle's next deadline can be found exactly.
 */
final class StateRules {

    private StateRules() {
    }

    static Standing at(EngagementRecord record, VisitRhythm rhythm, List<Signal> signals, ThresholdWatch at,
                       LifecyclePolicy policy) {
        Optional<Instant> dormant = rhythm.everywhereQuietAt(policy.dormant());
        if (dormant.isPresent() && at.reached(dormant.get(), "every platform quiet for " + policy.dormant().describe())) {
            return new Standing(RiskState.DORMANT, dormant.get());
        }
        Optional<Signal> lapsed = signals.stream().filter(s -> s.type() == SignalType.LAPSED).findFirst();
        if (lapsed.isPresent()) {
            return new Standing(RiskState.LAPSED, lapsed.get().since());
        }
        Runs runs = atRiskRuns(rhythm, signals, at, policy);
        if (runs.current != null) {
            return new Standing(RiskState.AT_RISK, runs.current.start);
        }
        Optional<Instant> cooling = rhythm.everywhereQuietAt(policy.cooling());
        if (cooling.isPresent() && at.reached(cooling.get(), "every platform quiet for " + policy.cooling().describe())) {
            return new Standing(RiskState.COOLING, later(cooling.get(), runs.lastEnded));
        }
        Optional<Instant> firstVisit = rhythm.firstVisit();
        if (firstVisit.isEmpty()) {
            return new Standing(RiskState.NEW, later(firstKnown(record), runs.lastEnded));
        }
        Instant newEnds = firstVisit.get().plus(policy.newCustomer());
        if (!at.reached(newEnds, "new-customer window ends")) {
            return new Standing(RiskState.NEW, later(firstVisit.get(), runs.lastEnded));
        }
        return new Standing(RiskState.ACTIVE, later(newEnds, runs.lastEnded));
    }

    /** A reason to be AT_RISK from {@code start} until {@code end} (null: until an event changes it). */
    private record Run(Instant start, Instant end) {
    }

    /**
     * @param current    the unbroken run of AT_RISK reasons that reaches now, or null
     * @param lastEnded  the end of the latest run that is over, or null
     */
    private record Runs(Run current, Instant lastEnded) {
    }

    /** Reasons to be AT_RISK that have begun, merged into unbroken runs. */
    private static Runs atRiskRuns(VisitRhythm rhythm, List<Signal> signals, ThresholdWatch at, LifecyclePolicy policy) {
        List<Run> begun = new ArrayList<>();
        rhythm.everywhereQuietAt(policy.atRisk())
                .filter(quiet -> at.reached(quiet, "every platform quiet for " + policy.atRisk().describe()))
                .ifPresent(quiet -> begun.add(new Run(quiet, null)));
        for (Signal signal : signals) {
            if (signal.type() == SignalType.PURCHASE_LAPSE) {
                begun.add(new Run(signal.since(), null));
            } else if (signal.type().saidByCustomer() && signal.strength() == Strength.STRONG
                    && at.reached(signal.since(), signal.type().wireName() + " stated")) {
                begun.add(new Run(signal.since(), signal.since().plus(policy.strongSignalWindow())));
            }
        }
        begun.sort(Comparator.comparing(Run::start));
        List<Run> merged = new ArrayList<>();
        for (Run run : begun) {
            Run last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && (last.end == null || !run.start.isAfter(last.end))) {
                merged.set(merged.size() - 1, new Run(last.start, last.end == null || run.end == null ? null
                        : later(last.end, run.end)));
            } else {
                merged.add(run);
            }
        }
        Run current = null;
        Instant lastEnded = null;
        for (Run run : merged) {
            if (run.end == null || !at.reached(run.end, "strong stated signal " + policy.strongSignalWindow().toDays()
                    + " days old")) {
                current = run;
            } else {
                lastEnded = later(lastEnded, run.end);
            }
        }
        return new Runs(current, lastEnded);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    /** For a customer never seen on a platform: the earliest instant the record keeps. */
    private static Instant firstKnown(EngagementRecord record) {
        List<Instant> known = new ArrayList<>();
        record.recent().stream().map(RecentEvent::at).forEach(known::add);
        known.add(record.purchases().first());
        known.add(record.install().firstInstalled());
        known.add(record.membership().firstStarted());
        known.add(record.pushPermission().firstGranted());
        known.add(record.pushPermission().lastWithdrawn());
        for (ChannelState channel : record.channels().values()) {
            known.add(stampOf(channel.subscription()));
            known.add(stampOf(channel.reachability()));
            channel.consent().values().stream().map(Stamped::at).forEach(known::add);
            known.add(channel.lastSent());
            known.add(channel.lastDelivered());
        }
        return known.stream().filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("record " + record.customerId() + " holds no events"));
    }

    private static Instant stampOf(Stamped<?> stamped) {
        return stamped == null ? null : stamped.at();
    }
}
