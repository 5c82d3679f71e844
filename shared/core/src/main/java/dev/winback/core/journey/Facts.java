package dev.winback.core.journey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The named facts a condition may read at one moment: the record's, an event's (or one line
 * item's), a running journey's context. Later layers win over earlier ones on a shared name, which
 * never happens between families since each name carries its family's prefix.
 */
public record Facts(Map<String, Fact> values) {

    public static final Facts NONE = new Facts(Map.of());

    public Facts {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<Fact> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Facts and(Facts more) {
        if (more.values.isEmpty()) return this;
        Map<String, Fact> merged = new LinkedHashMap<>(values);
        merged.putAll(more.values);
        return new Facts(merged);
    }

    /** A run's context as {@code context.<name>} facts (every entry is text; numbers compare by value). */
    public static Facts ofContext(Map<String, String> context) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        new java.util.TreeMap<>(context).forEach((name, value) -> facts.put(FactNames.CONTEXT + name, new Fact.Text(value)));
        return new Facts(facts);
    }

    /** The fact as a context entry holds it: numbers plain, word sets sorted and comma-joined, times ISO. */
    static String asText(Fact fact) {
        return switch (fact) {
            case Fact.Text text -> text.value();
            case Fact.Number number -> number.value().toPlainString();
            case Fact.Words words -> String.join(",", new java.util.TreeSet<>(words.values()));
            case Fact.Time time -> time.value().toString();
        };
    }
}
