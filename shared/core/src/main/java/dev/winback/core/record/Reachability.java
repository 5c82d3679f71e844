package dev.winback.core.record;

/** Whether messages on a channel can reach the customer at all, whatever their consent. */
public enum Reachability {
    REACHABLE, UNREACHABLE;

    /** At the same instant, evidence of unreachability wins: sending into a dead address costs reputation. */
    static int precedence(Reachability a, Reachability b) {
        return Integer.compare(a.ordinal(), b.ordinal());
    }
}
