package dev.winback.core.record;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A last-writer-wins register: a value with the time it became true. Merging keeps the later
 * value; at the same instant a total order on the values decides (restrictive values first), so
 * any order of the same events gives the same result.
 */
public record Stamped<T>(T value, Instant at) {

    public Stamped {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The winner of two stamps: the later one; at the same instant the one {@code precedence} ranks
     * higher. {@code precedence} must be a total order on the values. Either stamp may be null.
     */
    public static <T> Stamped<T> latest(Stamped<T> current, Stamped<T> candidate, Comparator<? super T> precedence) {
        if (current == null) return candidate;
        if (candidate == null) return current;
        int byTime = candidate.at.compareTo(current.at);
        if (byTime != 0) return byTime > 0 ? candidate : current;
        return precedence.compare(candidate.value, current.value) > 0 ? candidate : current;
    }
}
