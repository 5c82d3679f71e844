package dev.winback.core.delivery;

import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.SendLog;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.core.record.SignalType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules checked at the moment of sending, against the record as read then. Legal and technical
 * blocks (suppression, SMS STOP, email complaints and blocks, a withdrawn consent for the message's
 * purpose, no address) stop every message; the marketing rules (consent, subscription, sunset,
 * preferences, caps, quiet hours) stop marketing only: a transactional message bypasses marketing
 * opt-outs but never a legal block.
 */
public final class SendRules {

    private SendRules() {
    }

    /** What the rules say about one channel. */
    public sealed interface ChannelVerdict {
        record Allowed(String address) implements ChannelVerdict {
        }

        record Skip(Reason reason, String detail) implements ChannelVerdict {
        }

        /** Inside quiet hours (or the legal floor): the message waits for the window to open; {@link Instant#MAX} never opens. */
        record Quiet(Instant opensAt) implements ChannelVerdict {
        }
    }

    /** What the rules say about the message as a whole, before any channel. */
    public sealed interface MessageVerdict {
        record Go() implements MessageVerdict {
        }

        record Wait(Instant until, Reason reason, String detail) implements MessageVerdict {
        }

        record Stop(Reason reason, String detail) implements MessageVerdict {
        }
    }

    /**
     * @param fallingBack the message was sent on an earlier channel already: it counted toward the
     *                    caps then, so they are not checked again for its fallback
     */
    public static MessageVerdict message(DeliveryRequest request, EngagementRecord record, DeliveryPolicy policy,
                                         Instant now, boolean fallingBack) {
        if (!now.isBefore(request.expiresAt())) {
            return new MessageVerdict.Stop(Reason.EXPIRED, "expired at " + request.expiresAt());
        }
        Optional<Instant> notBefore = localSendTime(request, record, policy);
        if (notBefore.isPresent() && now.isBefore(notBefore.get())) {
            return waitOrStop(notBefore.get(), request, Reason.SCHEDULED, "until " + request.localSendTime().orElseThrow()
                    + " local time, " + notBefore.get());
        }
        if (request.purpose() == Purpose.TRANSACTIONAL) return new MessageVerdict.Go();
        if (record.preferences().mutedCategoriesOrEmpty().contains(request.category())) {
            return new MessageVerdict.Stop(Reason.CATEGORY_MUTED, "category " + request.category() + " muted");
        }
        Optional<Instant> paused = record.preferences().pausedUntilInstant();
        if (paused.isPresent() && paused.get().isAfter(now)) {
            return waitOrStop(paused.get(), request, Reason.PAUSED, "paused until " + paused.get());
        }
        if (fallingBack) return new MessageVerdict.Go();
        boolean reduced = ignoresEveryChannel(record);
        List<FrequencyCap> caps = new ArrayList<>(reduced ? policy.reducedCaps() : policy.globalCaps());
        record.preferences().weeklyLimit().ifPresent(limit ->
                caps.add(new FrequencyCap(Math.min(limit, SendLog.CAPACITY), java.time.Duration.ofDays(7))));
        List<Instant> sends = record.sendLog().recent().stream().map(SendLog.Sent::at).toList();
        Optional<Instant> free = latestFree(caps, sends, now);
        if (free.isPresent()) {
            Reason reason = reduced ? Reason.REDUCED_FREQUENCY : Reason.GLOBAL_CAP;
            return waitOrStop(free.get(), request, reason, "cap frees at " + free.get());
        }
        return new MessageVerdict.Go();
    }

    /**
     * The instant a request's local send time falls on in the customer's own zone (else the
     * configured default), so one campaign reaches Tokyo and Berlin each at its own 10:00.
     */
    static Optional<Instant> localSendTime(DeliveryRequest request, EngagementRecord record, DeliveryPolicy policy) {
        return request.localSendTime().map(local -> local.atZone(QuietWindow.zoneOf(record, policy)).toInstant());
    }

    public static ChannelVerdict channel(Channel channel, DeliveryRequest request, EngagementRecord record,
                                         DeliveryPolicy policy, Instant now) {
        Purpose purpose = request.purpose();
        ChannelState state = record.channel(channel);
        Optional<Reason> block = legalBlock(channel, purpose, state, record);
        if (block.isPresent()) return new ChannelVerdict.Skip(block.get(), channel.wireName());
        Optional<String> address = Addresses.of(record, channel);
        if (address.isEmpty()) return new ChannelVerdict.Skip(Reason.NO_ADDRESS, channel.wireName());
        if (purpose == Purpose.TRANSACTIONAL) {
            if (record.preferences().mutedCategoriesOrEmpty().contains(request.category())) {
                return new ChannelVerdict.Skip(Reason.CATEGORY_MUTED, "category " + request.category() + " muted");
            }
            return new ChannelVerdict.Allowed(address.get());
        }
        Optional<Reason> marketing = marketingBlock(channel, state, record);
        if (marketing.isPresent()) return new ChannelVerdict.Skip(marketing.get(), channel.wireName());
        List<Instant> sends = record.sendLog().recent().stream()
                .filter(s -> s.channel() == channel).map(SendLog.Sent::at).toList();
        Optional<Instant> free = latestFree(policy.channelCaps(channel), sends, now);
        if (free.isPresent()) {
            return new ChannelVerdict.Skip(Reason.CHANNEL_CAP, channel.wireName() + " cap frees at " + free.get());
        }
        List<QuietHours> quiet = QuietWindow.windows(channel, purpose, record, policy);
        if (!quiet.isEmpty()) {
            Optional<Instant> opens = QuietWindow.opensAt(quiet, QuietWindow.zonesOf(record, policy), now);
            if (opens.isPresent()) return new ChannelVerdict.Quiet(opens.get());
        }
        return new ChannelVerdict.Allowed(address.get());
    }

    /** Blocks that no purpose overrides. */
    private static Optional<Reason> legalBlock(Channel channel, Purpose purpose, ChannelState state,
                                               EngagementRecord record) {
        Stamped<Reachability> reachability = state.reachability();
        if (reachability != null && reachability.value() == Reachability.UNREACHABLE) {
            return Optional.of(channel == Channel.PUSH ? Reason.ENDPOINT_DISABLED : Reason.SUPPRESSED);
        }
        SubscriptionStatus subscription = state.subscription() == null ? null : state.subscription().value();
        if (subscription == SubscriptionStatus.COMPLAINED) return Optional.of(Reason.COMPLAINED);
        if (subscription == SubscriptionStatus.BLOCKED) return Optional.of(Reason.BLOCKED);
        if (channel == Channel.SMS && (subscription == SubscriptionStatus.UNSUBSCRIBED
                || dev.winback.core.record.SmsStop.isStop(state.consent().get(Purpose.MARKETING)))) {
            return Optional.of(Reason.SMS_STOP); // a STOP holds until a START, whatever else says subscribed
        }
        Stamped<ConsentGrant> consent = state.consent().get(purpose);
        if (consent != null && !consent.value().granted()) return Optional.of(Reason.CONSENT_WITHDRAWN);
        if (channel == Channel.PUSH && isKnownFalse(record.pushPermission().granted())) {
            return Optional.of(Reason.NO_PUSH_PERMISSION);
        }
        if (channel == Channel.IN_APP && isKnownFalse(record.install().installed())) {
            return Optional.of(Reason.APP_NOT_INSTALLED);
        }
        return Optional.empty();
    }

    /**
     * Marketing needs a yes: an explicit grant for marketing on the channel, or where there is none,
     * the channel's own opt-in (a subscription for email and SMS, the OS permission for push; the app
     * itself for in-app). Messengers need an explicit grant.
     */
    private static Optional<Reason> marketingBlock(Channel channel, ChannelState state, EngagementRecord record) {
        Stamped<ConsentGrant> consent = state.consent().get(Purpose.MARKETING);
        SubscriptionStatus subscription = state.subscription() == null ? null : state.subscription().value();
        if (subscription == SubscriptionStatus.UNSUBSCRIBED) return Optional.of(Reason.UNSUBSCRIBED);
        if (consent == null) {
            boolean optedIn = switch (channel) {
                case EMAIL, SMS -> subscription == SubscriptionStatus.SUBSCRIBED;
                case PUSH -> record.pushPermission().granted() != null && record.pushPermission().granted().value();
                case IN_APP -> true;
                case WEBHOOK -> false;
            };
            if (!optedIn) return Optional.of(Reason.NO_CONSENT);
        }
        if (!record.evaluation().sunsets().allows(channel, Purpose.MARKETING)) return Optional.of(Reason.SUNSET);
        if (record.preferences().mutedChannelsOrEmpty().contains(channel)) return Optional.of(Reason.CHANNEL_MUTED);
        return Optional.empty();
    }

    static boolean ignoresEveryChannel(EngagementRecord record) {
        return record.evaluation().signals().stream().anyMatch(s -> s.type() == SignalType.IGNORES_EVERY_CHANNEL);
    }

    /** When every cap lets one more through: the latest of their free times, or empty when all do now. */
    private static Optional<Instant> latestFree(List<FrequencyCap> caps, List<Instant> sends, Instant now) {
        Optional<Instant> latest = Optional.empty();
        for (FrequencyCap cap : caps) {
            Optional<Instant> free = cap.freeAt(sends, now);
            if (free.isPresent() && (latest.isEmpty() || free.get().isAfter(latest.get()))) latest = free;
        }
        return latest;
    }

    private static MessageVerdict waitOrStop(Instant until, DeliveryRequest request, Reason reason, String detail) {
        return until.isBefore(request.expiresAt())
                ? new MessageVerdict.Wait(until, reason, detail)
                : new MessageVerdict.Stop(reason, detail + ", after the message expires");
    }

    private static boolean isKnownFalse(Stamped<Boolean> fact) {
        return fact != null && !fact.value();
    }
}
