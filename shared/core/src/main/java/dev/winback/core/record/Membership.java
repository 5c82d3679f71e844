package dev.winback.core.record;

import dev.winback.core.event.MembershipStatus;

import java.time.Instant;

/** A premium membership or subscription: its latest state and when it first started. */
public record Membership(Stamped<Tier> state, Instant firstStarted) {

    public static final Membership NONE = new Membership(null, null);

    public record Tier(String tier, MembershipStatus status) {
        /** At the same instant a cancellation wins. */
        static int precedence(Tier a, Tier b) {
            return Integer.compare(a.status.ordinal(), b.status.ordinal());
        }
    }

    Membership changed(String tier, MembershipStatus status, Instant at, long tiebreak) {
        Stamped<Tier> merged = Stamped.latest(state, new Stamped<>(new Tier(tier, status), at, tiebreak),
                Tier::precedence);
        Instant started = status == MembershipStatus.STARTED ? Instants.min(firstStarted, at) : firstStarted;
        return new Membership(merged, started);
    }
}
