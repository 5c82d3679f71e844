package dev.winback.core.lifecycle;

import dev.winback.core.signal.ThresholdWatch;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds the earliest instant after now at which the observation changes, with no new event.
 *
 * <p>Why it is exact: an observation depends on time only through the thresholds its evaluation
 * compared with ({@link ThresholdWatch#reached}). Until the earliest threshold still ahead, every one
 * of those comparisons keeps its answer, so the evaluation takes the same path and observes the same.
 * So the observation can only change at such a threshold: evaluate there; if nothing changed, carry
 * on with the thresholds that evaluation left ahead. The thresholds come from the record's instants
 * plus fixed durations, so there are finitely many.
 */
final class NextDeadline {

    /** Far more thresholds than any record yields; reaching it would mean a threshold moves with time. */
    private static final int MAX_STEPS = 10_000;

    private NextDeadline() {
    }

    static Optional<Deadline> after(Observation current, NavigableMap<Instant, Set<String>> ahead,
                                    Function<ThresholdWatch, Observation> observe) {
        NavigableMap<Instant, Set<String>> pending = new TreeMap<>();
        merge(pending, ahead);
        for (int step = 0; step < MAX_STEPS && !pending.isEmpty(); step++) {
            Map.Entry<Instant, Set<String>> next = pending.pollFirstEntry();
            ThresholdWatch watch = new ThresholdWatch(next.getKey());
            Observation then = observe.apply(watch);
            if (!then.equals(current)) {
                return Optional.of(new Deadline(next.getKey(),
                        current.changesTo(then) + " (" + String.join(", ", next.getValue()) + ")"));
            }
            merge(pending, watch.ahead());
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("no deadline found within " + MAX_STEPS + " thresholds");
        }
        return Optional.empty();
    }

    private static void merge(NavigableMap<Instant, Set<String>> into, NavigableMap<Instant, Set<String>> more) {
        more.forEach((at, what) -> into.computeIfAbsent(at, t -> new TreeSet<>()).addAll(what));
    }
}
