package dev.winback.core.record;

import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Purpose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one channel for one customer: can we reach them, may we, did they subscribe,
 * and how they answered what we sent.
 *
 * @param sendsSinceEngagement send times after the last click or conversion, newest first, capped at
 *                             {@link #SEND_HISTORY}; opens do not reset it (privacy proxies open mail)
 * @param failuresSinceDelivery times of transient failures (soft bounces, failed push or SMS
 *                             deliveries) after the last delivery receipt, newest first, capped at
 *                             {@link #SEND_HISTORY}: {@link #degraded()} after {@link #DEGRADED_AFTER}
 */
public record ChannelState(
        Stamped<Reachability> reachability,
        Map<Purpose, Stamped<ConsentGrant>> consent,
        Stamped<SubscriptionStatus> subscription,
        Instant lastSent,
        Instant lastDelivered,
        Instant lastOpened,
        Instant lastClicked,
        Instant lastConverted,
        long sends,
        long opens,
        long clicks,
        long conversions,
        List<Instant> sendsSinceEngagement,
        List<Instant> failuresSinceDelivery) {

    /** Sunset thresholds must stay at or below this; the count saturates here. */
    public static final int SEND_HISTORY = 16;
    /** Transient failures in a row (no delivery receipt between them) that make a channel degraded. */
    public static final int DEGRADED_AFTER = 3;
    public static final ChannelState NONE = new ChannelState(null, Map.of(), null, null, null, null, null, null,
            0, 0, 0, 0, List.of(), List.of());

    public ChannelState {
        consent = Map.copyOf(consent);
        sendsSinceEngagement = List.copyOf(sendsSinceEngagement);
        failuresSinceDelivery = List.copyOf(failuresSinceDelivery);
    }

    /** Without failure history: records written before it existed, and callers that do not track it. */
    public ChannelState(Stamped<Reachability> reachability, Map<Purpose, Stamped<ConsentGrant>> consent,
                        Stamped<SubscriptionStatus> subscription, Instant lastSent, Instant lastDelivered,
                        Instant lastOpened, Instant lastClicked, Instant lastConverted, long sends, long opens,
                        long clicks, long conversions, List<Instant> sendsSinceEngagement) {
        this(reachability, consent, subscription, lastSent, lastDelivered, lastOpened, lastClicked, lastConverted,
                sends, opens, clicks, conversions, sendsSinceEngagement, List.of());
    }

    /**
     * Repeated transient failures with no delivery since: the channel works badly for this customer
     * (a full mailbox, a phone off for weeks). Delivery should prefer another channel.
     */
    public boolean degraded() {
        return failuresSinceDelivery.size() >= DEGRADED_AFTER;
    }

    /** The last click or conversion: the engagement that counts for sunset. */
    public Instant lastEngaged() {
        return Instants.max(lastClicked, lastConverted);
    }

    ChannelState withReachability(Stamped<Reachability> candidate) {
        return new ChannelState(Stamped.latest(reachability, candidate, Reachability.PRECEDENCE), consent,
                subscription, lastSent, lastDelivered, lastOpened, lastClicked, lastConverted, sends, opens, clicks,
                conversions, sendsSinceEngagement, failuresSinceDelivery);
    }

    ChannelState withConsent(Purpose purpose, Stamped<ConsentGrant> candidate) {
        Map<Purpose, Stamped<ConsentGrant>> merged = new EnumMap<>(Purpose.class);
        merged.putAll(consent);
        merged.put(purpose, SmsStop.merge(consent.get(purpose), candidate));
        return new ChannelState(reachability, merged, subscription, lastSent, lastDelivered, lastOpened, lastClicked,
                lastConverted, sends, opens, clicks, conversions, sendsSinceEngagement, failuresSinceDelivery);
    }

    ChannelState withSubscription(Stamped<SubscriptionStatus> candidate) {
        return new ChannelState(reachability, consent,
                Stamped.latestWithdrawalFirst(subscription, candidate, status -> status != SubscriptionStatus.SUBSCRIBED,
                        SubscriptionStatus.PRECEDENCE), lastSent, lastDelivered,
                lastOpened, lastClicked, lastConverted, sends, opens, clicks, conversions, sendsSinceEngagement,
                failuresSinceDelivery);
    }

    ChannelState sentAt(Instant at) {
        List<Instant> history = sendsSinceEngagement;
        Instant engaged = lastEngaged();
        if (engaged == null || at.isAfter(engaged)) {
            history = newestFirst(history, at);
        }
        return new ChannelState(reachability, consent, subscription, Instants.max(lastSent, at), lastDelivered,
                lastOpened, lastClicked, lastConverted, sends + 1, opens, clicks, conversions, history,
                failuresSinceDelivery);
    }

    /** A transient failure; one older than the last delivery receipt is already outdone by it. */
    ChannelState failedAt(Instant at) {
        List<Instant> failures = failuresSinceDelivery;
        if (lastDelivered == null || at.isAfter(lastDelivered)) {
            failures = newestFirst(failures, at);
        }
        return new ChannelState(reachability, consent, subscription, lastSent, lastDelivered, lastOpened,
                lastClicked, lastConverted, sends, opens, clicks, conversions, sendsSinceEngagement, failures);
    }

    ChannelState feedback(MessageFeedbackKind kind, Instant at) {
        return switch (kind) {
            case DELIVERED -> new ChannelState(reachability, consent, subscription, lastSent,
                    Instants.max(lastDelivered, at), lastOpened, lastClicked, lastConverted, sends, opens, clicks,
                    conversions, sendsSinceEngagement, sendsAfter(failuresSinceDelivery, at));
            case OPENED -> new ChannelState(reachability, consent, subscription, lastSent, lastDelivered,
                    Instants.max(lastOpened, at), lastClicked, lastConverted, sends, opens + 1, clicks, conversions,
                    sendsSinceEngagement, failuresSinceDelivery);
            case CLICKED -> new ChannelState(reachability, consent, subscription, lastSent, lastDelivered,
                    lastOpened, Instants.max(lastClicked, at), lastConverted, sends, opens, clicks + 1, conversions,
                    sendsAfter(sendsSinceEngagement, at), failuresSinceDelivery);
            case CONVERTED -> new ChannelState(reachability, consent, subscription, lastSent, lastDelivered,
                    lastOpened, lastClicked, Instants.max(lastConverted, at), sends, opens, clicks, conversions + 1,
                    sendsAfter(sendsSinceEngagement, at), failuresSinceDelivery);
        };
    }

    private static List<Instant> newestFirst(List<Instant> history, Instant at) {
        List<Instant> merged = new ArrayList<>(history);
        merged.add(at);
        merged.sort(Comparator.reverseOrder());
        return merged.size() > SEND_HISTORY ? merged.subList(0, SEND_HISTORY) : merged;
    }

    /**
     * Keeps the sends after an engagement. Because the history keeps the newest sends, filtering after
     * capping equals capping after filtering: the result does not depend on arrival order.
     */
    private static List<Instant> sendsAfter(List<Instant> history, Instant engagedAt) {
        return history.stream().filter(sent -> sent.isAfter(engagedAt)).toList();
    }
}
