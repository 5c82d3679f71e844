package dev.winback.core.journey;

import java.util.List;
import java.util.Objects;

/**
 * A test of one fact: {@code record.orders gte 2}, {@code event.category eq phones},
 * {@code record.boughtCategories contains $context.offerCategory}. A value written
 * {@code $context.<name>} stands for that entry of the running journey's context. The fact names a
 * condition may use are listed in {@link FactNames}; a missing fact fails every test but
 * {@link Operator#ABSENT} and {@link Operator#NE}.
 */
public record Condition(String fact, Operator op, List<String> values) {

    public static final String CONTEXT_REFERENCE = "$context.";

    public Condition {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
    }

    @Override
    public String toString() {
        return fact + " " + op.wireName() + (values.isEmpty() ? "" : " " + String.join(",", values));
    }
}
