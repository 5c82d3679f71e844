package dev.winback.core.record;

/** Whether messages on a channel can reach the customer at all, whatever their consent. */
public enum Reachability {
    REACHABLE, UNREACHABLE;

    /** At the same instant, evidence of unreachability wins: sending into a dead address costs reputation. */
    static final java.util.Comparator<Reachability> PRECEDENCE = java.util.Comparator.naturalOrder();
}
