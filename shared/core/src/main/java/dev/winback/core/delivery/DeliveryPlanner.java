package dev.winback.core.delivery;

import dev.winback.core.delivery.MessageDecision.Kind;
import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.event.Channel;
import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides the next step of a message from its ledger entry and the record as read now: send on the
 * first channel of the plan that is allowed and not yet tried, wait for a timer, or stop. Pure.
 */
public final class DeliveryPlanner {

    private DeliveryPlanner() {
    }

    public sealed interface Step {
        /** The decisions about channels passed over on the way, in plan order. */
        List<MessageDecision> decisions();

        record Send(Channel channel, String address, List<MessageDecision> decisions) implements Step {
            public Send {
                Objects.requireNonNull(channel, "channel");
                Objects.requireNonNull(address, "address");
                decisions = List.copyOf(decisions);
            }
        }

        record Hold(Instant until, List<MessageDecision> decisions) implements Step {
            public Hold {
                decisions = List.copyOf(decisions);
            }
        }

        record Stop(LedgerStatus status, List<MessageDecision> decisions) implements Step {
            public Stop {
                decisions = List.copyOf(decisions);
            }
        }
    }

    /** @param available the channels with a sender configured */
    public static Step next(LedgerEntry entry, EngagementRecord record, DeliveryPolicy policy, Set<Channel> available,
                            Instant now) {
        return next(entry, record, policy, available, SendingPauses.NONE, now);
    }

    /** @param pauses channels paused for everyone now (a paused channel is skipped) */
    public static Step next(LedgerEntry entry, EngagementRecord record, DeliveryPolicy policy, Set<Channel> available,
                            SendingPauses pauses, Instant now) {
        DeliveryRequest request = entry.request();
        List<MessageDecision> decisions = new ArrayList<>();
        if (entry.anyReceipt()) {
            // At most one channel delivers per step.
            decisions.add(MessageDecision.overall(now, Kind.STOPPED, Reason.ALREADY_DELIVERED, "a receipt arrived"));
            return new Step.Stop(entry.finalStatus(), decisions);
        }
        boolean fallingBack = entry.attempts().stream().anyMatch(a -> a.status() == Attempt.Status.SENT);
        switch (SendRules.message(request, record, policy, now, fallingBack)) {
            case SendRules.MessageVerdict.Stop stop -> {
                decisions.add(MessageDecision.overall(now, Kind.STOPPED, stop.reason(), stop.detail()));
                return new Step.Stop(entry.finalStatus(), decisions);
            }
            case SendRules.MessageVerdict.Wait wait -> {
                decisions.add(MessageDecision.overall(now, Kind.HELD, wait.reason(), wait.detail()));
                return new Step.Hold(wait.until(), decisions);
            }
            case SendRules.MessageVerdict.Go go -> {
            }
        }
        for (Channel channel : preferWorking(policy.plans().planFor(request), record)) {
            if (entry.wasTried(channel)) continue;
            if (!available.contains(channel)) {
                decisions.add(MessageDecision.on(now, Kind.SKIPPED, channel, Reason.NO_SENDER, channel.wireName()));
                continue;
            }
            if (pauses.paused(channel, request.purpose())) {
                decisions.add(MessageDecision.on(now, Kind.SKIPPED, channel, Reason.ACCOUNT_PAUSED, channel.wireName()));
                continue;
            }
            switch (SendRules.channel(channel, request, record, policy, now)) {
                case SendRules.ChannelVerdict.Allowed allowed -> {
                    return new Step.Send(channel, allowed.address(), decisions);
                }
                case SendRules.ChannelVerdict.Skip skip ->
                        decisions.add(MessageDecision.on(now, Kind.SKIPPED, channel, skip.reason(), skip.detail()));
                case SendRules.ChannelVerdict.Quiet quiet -> {
                    if (quiet.opensAt().isBefore(request.expiresAt())) {
                        decisions.add(MessageDecision.on(now, Kind.HELD, channel, Reason.QUIET_HOURS,
                                "until " + quiet.opensAt()));
                        return new Step.Hold(quiet.opensAt(), decisions);
                    }
                    decisions.add(MessageDecision.on(now, Kind.SKIPPED, channel, Reason.QUIET_HOURS,
                            "quiet until after the message expires"));
                }
            }
        }
        decisions.add(MessageDecision.overall(now, Kind.STOPPED, Reason.NO_CHANNEL_LEFT, "no further channel"));
        return new Step.Stop(entry.finalStatus(), decisions);
    }

    /**
     * The plan with degraded channels (repeated transient failures since the last delivery, such as
     * a full mailbox) moved to the end, keeping the order otherwise: they are tried last, not dropped.
     */
    static List<Channel> preferWorking(List<Channel> plan, EngagementRecord record) {
        List<Channel> ordered = new ArrayList<>(plan.size());
        plan.stream().filter(c -> !record.channel(c).degraded()).forEach(ordered::add);
        plan.stream().filter(c -> record.channel(c).degraded()).forEach(ordered::add);
        return ordered;
    }
}
