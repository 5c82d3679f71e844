package dev.winback.core.signal;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.SubscriptionStatus;

import java.time.Instant;
import java.util.List;

/** What the record says about our messages on one channel: may we still send, and were they answered. */
final class Outreach {

    private Outreach() {
    }

    /**
     * Whether marketing may still reach the customer on the channel. A closed channel has its own
     * signal (or none is needed), so its silence is not "ignoring" us.
     */
    static boolean open(EngagementRecord record, Channel channel) {
        ChannelState state = record.channel(channel);
        if (state.reachability() != null && state.reachability().value() == Reachability.UNREACHABLE) return false;
        if (state.subscription() != null && state.subscription().value() != SubscriptionStatus.SUBSCRIBED) return false;
        Stamped<ConsentGrant> marketing = state.consent().get(Purpose.MARKETING);
        if (marketing != null && !marketing.value().granted()) return false;
        boolean appGone = record.install().installed() != null && !record.install().installed().value();
        boolean pushOff = record.pushPermission().granted() != null && !record.pushPermission().granted().value();
        return switch (channel) {
            case PUSH -> !appGone && !pushOff;
            case IN_APP -> !appGone;
            case EMAIL, SMS, WEBHOOK -> true;
        };
    }

    /** Sends since the last click or conversion; saturates at {@link ChannelState#SEND_HISTORY}. */
    static int ignoredSends(ChannelState state) {
        return state.sendsSinceEngagement().size();
    }

    /**
     * The n-th send after the last click or conversion: when the channel became ignored. When more
     * sends went unanswered than the record keeps, this is the n-th of the newest kept, so it can only
     * be later than the truth.
     */
    static Instant nthIgnoredSend(ChannelState state, int n) {
        List<Instant> newestFirst = state.sendsSinceEngagement();
        return newestFirst.get(newestFirst.size() - n);
    }

    /** "9 sends since the last click (last click 2026-08-02)", "16 or more sends and never a click". */
    static String unanswered(ChannelState state) {
        int sends = ignoredSends(state);
        String counted = sends >= ChannelState.SEND_HISTORY ? sends + " or more sends" : Wording.count(sends, "send");
        Instant engaged = state.lastEngaged();
        if (engaged == null) return counted + " and never a click";
        String what = engaged.equals(state.lastConverted()) ? "conversion" : "click";
        return counted + " since the last " + what + " (last " + what + " " + Wording.date(engaged) + ")";
    }

    /**
     * Sends since the customer last answered at all, opens included, for the context of an opt-out or
     * uninstall: "14 pushes sent since the last open", "3 pushes sent and none ever opened".
     */
    static String sinceLastResponse(Channel channel, ChannelState state) {
        Instant opened = state.lastOpened();
        Instant engaged = state.lastEngaged();
        boolean openIsLatest = opened != null && (engaged == null || opened.isAfter(engaged));
        Instant response = openIsLatest ? opened : engaged;
        // The kept sends all follow the last click; those after a later open are the newest of them.
        long sends = openIsLatest
                ? state.sendsSinceEngagement().stream().filter(sent -> sent.isAfter(opened)).count()
                : state.sendsSinceEngagement().size();
        String counted = Wording.messages(sends, channel, sends >= ChannelState.SEND_HISTORY);
        if (response == null) {
            return state.sends() == 0 ? "no " + Wording.message(channel) + " sent"
                    : Wording.messages(state.sends(), channel) + " sent and none ever opened";
        }
        String what = openIsLatest ? "open" : engaged.equals(state.lastConverted()) ? "conversion" : "click";
        return counted + " sent since the last " + what;
    }
}
