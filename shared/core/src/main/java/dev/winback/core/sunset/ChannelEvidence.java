package dev.winback.core.sunset;

import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.SubscriptionStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a channel's record says for its sunset. Only clicks, conversions and opt-ins count as the
 * customer speaking; opens are left out on purpose, because privacy proxies and mail scanners open
 * messages on their own and an open proves no person read anything. Replies (to a text or an
 * email) would count like clicks, but the record does not hold them yet.
 *
 * @param lastEngaged the last click or conversion, or null
 * @param lastOptIn   when the current marketing consent was granted or the current subscription
 *                    began, whichever is later, or null when neither is a yes
 * @param sends       send times after the last click or conversion, newest first (capped)
 */
record ChannelEvidence(Instant lastEngaged, Instant lastOptIn, List<Instant> sends, boolean marketingClosed) {

    static ChannelEvidence of(ChannelState channel) {
        return new ChannelEvidence(channel.lastEngaged(), lastOptIn(channel), channel.sendsSinceEngagement(),
                marketingClosed(channel));
    }

    /**
     * When the customer last gave us a reason to keep writing: the later of the last engagement and
     * the last opt-in. With neither on record, the oldest send we hold stands in; when the send
     * history is full that is later than the true first send, so a sunset comes late, never early.
     */
    Optional<Instant> quietSince() {
        Instant anchor = later(lastEngaged, lastOptIn);
        if (anchor != null) return Optional.of(anchor);
        return sends.isEmpty() ? Optional.empty() : Optional.of(sends.getLast());
    }

    /** Sends in the quiet period: after the anchor, or every send we hold when there is no anchor. */
    int quietSends() {
        Instant anchor = later(lastEngaged, lastOptIn);
        if (anchor == null) return sends.size();
        return (int) sends.stream().filter(sent -> sent.isAfter(anchor)).count();
    }

    /** A click, a conversion or an opt-in strictly after the instant: the customer answered. */
    boolean answeredAfter(Instant instant) {
        return isAfter(lastEngaged, instant) || isAfter(lastOptIn, instant);
    }

    private static Instant lastOptIn(ChannelState channel) {
        Stamped<ConsentGrant> consent = channel.consent().get(Purpose.MARKETING);
        Instant granted = consent != null && consent.value().granted() ? consent.at() : null;
        Stamped<SubscriptionStatus> subscription = channel.subscription();
        Instant subscribed = subscription != null && subscription.value() == SubscriptionStatus.SUBSCRIBED
                ? subscription.at() : null;
        return later(granted, subscribed);
    }

    /**
     * Nothing to sunset when marketing cannot go out anyway: a last-chance message to someone who
     * unsubscribed would itself be unwanted marketing. Unknown (absent) facts do not close it.
     */
    private static boolean marketingClosed(ChannelState channel) {
        Stamped<SubscriptionStatus> subscription = channel.subscription();
        Stamped<ConsentGrant> consent = channel.consent().get(Purpose.MARKETING);
        Stamped<Reachability> reachability = channel.reachability();
        return (subscription != null && subscription.value() != SubscriptionStatus.SUBSCRIBED)
                || (consent != null && !consent.value().granted())
                || (reachability != null && reachability.value() == Reachability.UNREACHABLE);
    }

    private static boolean isAfter(Instant candidate, Instant instant) {
        return candidate != null && candidate.isAfter(instant);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
