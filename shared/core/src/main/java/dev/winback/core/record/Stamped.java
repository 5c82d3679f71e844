package dev.winback.core.record;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A last-writer-wins register: a value with the time it became true and a tiebreak derived from the
 * event id. Merging keeps the later value, so any order of the same events gives the same result.
 */
public record Stamped<T>(T value, Instant at, long tiebreak) {

    public Stamped {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The winner of two stamps: the later one; at the same instant the one {@code precedence} ranks
     * higher (e.g. a withdrawal beats a grant), then the higher tiebreak. Either may be null.
     */
    public static <T> Stamped<T> latest(Stamped<T> current, Stamped<T> candidate, Comparator<? super T> precedence) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        int byTime = candidate.at.compareTo(current.at);
        if (byTime != 0) {
            return byTime > 0 ? candidate : current;
        }
        int byPrecedence = precedence.compare(candidate.value, current.value);
        if (byPrecedence != 0) {
            return byPrecedence > 0 ? candidate : current;
        }
        return candidate.tiebreak > current.tiebreak ? candidate : current;
    }

    /** For registers where no value outranks another at the same instant. */
    public static <T> Stamped<T> latest(Stamped<T> current, Stamped<T> candidate) {
        return latest(current, candidate, (a, b) -> 0);
    }
}
