package dev.winback.core.outcome;

/** Which group a customer is in for one unit of measurement (a rule's campaign, a journey). */
public enum Assignment {
    /** Gets the unit's marketing messages. */
    TREATED,
    /** In the global control group: gets no marketing message from any unit. */
    CONTROL,
    /** In this unit's holdout: gets none of its marketing messages, and the others' as usual. */
    HELD_OUT;

    /** Whether a message of the unit is withheld from this customer. */
    public boolean withheld() {
        return this != TREATED;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
