package dev.winback.core.signal;

import dev.winback.core.event.Channel;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Strength;
import dev.winback.core.signal.VisitRhythm.PlatformRhythm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers who still visit but no longer answer our messages. One ignored channel is a reason to
 * try another ({@link Signal.MessagesIgnored}). When every channel we message is ignored there is no
 * other to try, and more messages only wear the customer out: that is one
 * {@link Signal.IgnoresEveryChannel} (throttle) instead of a per-channel signal for each, which would
 * invite the playbook to retarget on a channel that is ignored too.
 *
 * <p>A customer who no longer visits is a lapse, handled as such, not a messaging problem.
 */
final class MessageSignals {

    private MessageSignals() {
    }

    static List<Signal> detect(EngagementRecord record, VisitRhythm rhythm, SignalPolicy policy, boolean lapsed,
                               ThresholdWatch at) {
        if (lapsed || rhythm.isEmpty()) return List.of();
        PlatformRhythm lastVisited = rhythm.lastVisited().orElseThrow();
        if (at.reached(lastVisited.lastSeen().plus(policy.stillVisiting()),
                "last visit " + Wording.days(policy.stillVisiting()) + " ago")) {
            return List.of();
        }
        List<Channel> messaged = new ArrayList<>();
        List<Channel> ignored = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            ChannelState state = record.channel(channel);
            if (!policy.watchedChannels().contains(channel) || state.sends() == 0 || !Outreach.open(record, channel)) {
                continue;
            }
            messaged.add(channel);
            if (Outreach.ignoredSends(state) >= policy.ignoredSends()) ignored.add(channel);
        }
        if (ignored.isEmpty()) return List.of();
        String visiting = "last " + Wording.visit(lastVisited.platform()) + " " + Wording.ago(lastVisited.lastSeen(), at.instant());
        if (ignored.size() == messaged.size() && messaged.size() >= policy.everyChannel()) {
            return List.of(everyChannel(record, ignored, policy, visiting));
        }
        List<Signal> signals = new ArrayList<>();
        for (Channel channel : ignored) {
            ChannelState state = record.channel(channel);
            signals.add(new Signal.MessagesIgnored(channel, strength(state),
                    Outreach.nthIgnoredSend(state, policy.ignoredSends()),
                    channel.wireName() + ": " + Outreach.unanswered(state) + "; still visiting (" + visiting + ")"));
        }
        return signals;
    }

    /** Weak: the customer still comes; medium once more sends went unanswered than the record counts. */
    private static Strength strength(ChannelState state) {
        return Outreach.ignoredSends(state) >= ChannelState.SEND_HISTORY ? Strength.MEDIUM : Strength.WEAK;
    }

    /** Medium: no channel works any more, though the customer still comes. Became true with the last channel. */
    private static Signal everyChannel(EngagementRecord record, List<Channel> ignored, SignalPolicy policy,
                                       String visiting) {
        Instant since = null;
        List<String> parts = new ArrayList<>();
        for (Channel channel : ignored) {
            ChannelState state = record.channel(channel);
            Instant became = Outreach.nthIgnoredSend(state, policy.ignoredSends());
            if (since == null || became.isAfter(since)) since = became;
            parts.add(channel.wireName() + ": " + Outreach.unanswered(state));
        }
        return new Signal.IgnoresEveryChannel(Strength.MEDIUM, since,
                "ignores every channel while still visiting (" + visiting + "): " + String.join("; ", parts));
    }
}
