package dev.winback.core.signal;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The instant of an evaluation, which remembers every threshold still ahead of it that a decision
 * was compared with. Signals and states depend on time only through {@link #reached}, so they cannot
 * change before the earliest remembered threshold: that is how the next deadline is found exactly.
 *
 * <p>{@link #instant()} is for wording and scores only ("quiet for 41 days"); a decision made with it
 * would be invisible to the deadline.
 */
public final class ThresholdWatch {

    private final Instant instant;
    private final NavigableMap<Instant, Set<String>> ahead = new TreeMap<>();

    public ThresholdWatch(Instant instant) {
        this.instant = Objects.requireNonNull(instant, "instant");
    }

    public Instant instant() {
        return instant;
    }

    /**
     * Whether the threshold has been reached (the instant is at or after it). A threshold still ahead
     * is remembered with {@code what} it means, for the reason of a deadline.
     */
    public boolean reached(Instant threshold, String what) {
        if (!instant.isBefore(threshold)) {
            return true;
        }
        ahead.computeIfAbsent(threshold, t -> new TreeSet<>()).add(what);
        return false;
    }

    /** Thresholds compared with and not yet reached, earliest first, each with what it means. */
    public NavigableMap<Instant, Set<String>> ahead() {
        NavigableMap<Instant, Set<String>> copy = new TreeMap<>();
        for (Map.Entry<Instant, Set<String>> entry : ahead.entrySet()) {
            copy.put(entry.getKey(), Collections.unmodifiableSet(new TreeSet<>(entry.getValue())));
        }
        return Collections.unmodifiableNavigableMap(copy);
    }
}
