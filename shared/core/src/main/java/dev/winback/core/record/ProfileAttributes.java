package dev.winback.core.record;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * How a profile's attributes merge: one last-writer-wins register per name (at the same instant the
 * greater value wins, as for the other profile fields), and at most {@link #MAX} of them. Over the
 * bound the most recently stamped are kept; among equal stamps the first names in alphabetical
 * order. Because that ranking agrees with each register's own rule, an answer that was dropped can
 * never outrank one that was kept, so any order of the same answers keeps the same attributes.
 */
public final class ProfileAttributes {

    /** Attributes serve journeys' conditions; a handful of interest questions, not a data store. */
    public static final int MAX = 32;

    /** Kept first: latest stamp, then name, then (for one name) the value the register prefers. */
    static final Comparator<Map.Entry<String, Stamped<String>>> KEPT_FIRST =
            Comparator.<Map.Entry<String, Stamped<String>>, java.time.Instant>comparing(e -> e.getValue().at())
                    .reversed()
                    .thenComparing(Map.Entry::getKey)
                    .thenComparing(e -> e.getValue().value(), Comparator.reverseOrder());

    private ProfileAttributes() {
    }

    static Map<String, Stamped<String>> merged(Map<String, Stamped<String>> current, String name,
                                               Stamped<String> answer) {
        Map<String, Stamped<String>> next = new HashMap<>(current);
        next.put(name, Stamped.latest(current.get(name), answer, String::compareTo));
        if (next.size() <= MAX) return next;
        Map<String, Stamped<String>> kept = new HashMap<>();
        next.entrySet().stream().sorted(KEPT_FIRST).limit(MAX).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }
}
