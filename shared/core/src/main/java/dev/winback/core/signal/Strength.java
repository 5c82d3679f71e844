package dev.winback.core.signal;

/** How much a signal says about a customer's intent to leave. */
public enum Strength {
    WEAK, MEDIUM, STRONG
}
