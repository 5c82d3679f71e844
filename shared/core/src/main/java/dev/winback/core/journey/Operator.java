package dev.winback.core.journey;

import java.util.Locale;
import java.util.Optional;

/** How a {@link Condition} compares a fact with its values. */
public enum Operator {
    /** The fact equals the value (text, number, or a set holding only that word). */
    EQ(1),
    NE(1),
    /** The fact equals one of the values. */
    IN(-1),
    NOT_IN(-1),
    GT(1),
    GTE(1),
    LT(1),
    LTE(1),
    /** A set of words holds the value. */
    CONTAINS(1),
    /** A set of words holds none of the values. */
    CONTAINS_NONE(-1),
    EXISTS(0),
    ABSENT(0),
    /** A time no more than the value's number of days before now. */
    WITHIN_DAYS(1),
    /** A time more than the value's number of days before now. */
    OLDER_THAN_DAYS(1);

    /** How many values the operator takes: 0, 1, or at least one (-1). */
    private final int arity;

    Operator(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Operator> byWireName(String name) {
        for (Operator op : values()) {
            if (op.wireName().equals(name)) return Optional.of(op);
        }
        return Optional.empty();
    }
}
