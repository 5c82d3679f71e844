package dev.winback.core.record;

import dev.winback.core.event.MembershipStatus;

import java.time.Instant;

/** A premium membership or subscription: its latest state and when it first started. */
public record Membership(Stamped<Tier> state, Instant firstStarted) {

    public static final Membership NONE = new Membership(null, null);

    public record Tier(String tier, MembershipStatus status) {
        /** At the same instant a cancellation wins; the tier name only makes the order total. */
        static final java.util.Comparator<Tier> PRECEDENCE = java.util.Comparator.comparing(Tier::status)
                .thenComparing(Tier::tier);
    }

    Membership changed(String tier, MembershipStatus status, Instant at) {
        Stamped<Tier> merged = Stamped.latest(state, new Stamped<>(new Tier(tier, status), at), Tier.PRECEDENCE);
        Instant started = status == MembershipStatus.STARTED ? Instants.min(firstStarted, at) : firstStarted;
        return new Membership(merged, started);
    }
}
