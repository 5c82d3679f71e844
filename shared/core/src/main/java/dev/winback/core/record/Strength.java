package dev.winback.core.record;

/** How much a signal says about a customer's intent to leave. */
public enum Strength {
    WEAK, MEDIUM, STRONG
}
