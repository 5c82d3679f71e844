package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.RetentionAction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to deliver to one customer: the unit of exactly-once. Retention actions, journeys and
 * reminders all come down to this.
 *
 * @param campaignId  which templates render it (and what outcomes are measured by)
 * @param step        the campaign step; with {@code slot} it names the message for exactly-once
 * @param slot        which occurrence of the step (a signal's transition, an order id, a due date)
 * @param category    the preference-centre category the message belongs to (muting it stops it)
 * @param channels    the channels to try, in order; empty means the default plan ({@link ChannelPlans})
 * @param expiresAt   after this nothing is sent: a held message is dropped and no fallback happens
 * @param receiptWait on a channel with receipts, how long to wait for one before falling back
 * @param variables   personalisation beyond the record (never personal data: it is stored with the message)
 * @param measuredBy  the unit whose holdout and outcomes the message belongs to: a retention rule's
 *                    campaign, a journey's id
 * @param localSendTime not before this local date-time in the customer's own time zone (a one-off
 *                    campaign "at 10:00 in each customer's time"): until then the message is held
 */
public record DeliveryRequest(
        String customerId,
        String campaignId,
        String step,
        String slot,
        Purpose purpose,
        MessageCategory category,
        List<Channel> channels,
        Instant requestedAt,
        Instant expiresAt,
        Duration receiptWait,
        Map<String, String> variables,
        String measuredBy,
        Optional<LocalDateTime> localSendTime) {

    /** The variable naming a journey's message's journey (requests queued before {@code measuredBy} carry only this). */
    public static final String JOURNEY_VARIABLE = "journey";

    public DeliveryRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(purpose, "purpose");
        Purpose.requireOfMessages(purpose);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(receiptWait, "receiptWait");
        channels = List.copyOf(channels);
        variables = Map.copyOf(variables);
        Objects.requireNonNull(measuredBy, "measuredBy");
        Objects.requireNonNull(localSendTime, "localSendTime");
        if (receiptWait.isNegative()) throw new IllegalArgumentException("receiptWait must not be negative");
    }

    /** Without a local send time: sent as soon as the rules allow. */
    public DeliveryRequest(String customerId, String campaignId, String step, String slot, Purpose purpose,
                           MessageCategory category, List<Channel> channels, Instant requestedAt, Instant expiresAt,
                           Duration receiptWait, Map<String, String> variables, String measuredBy) {
        this(customerId, campaignId, step, slot, purpose, category, channels, requestedAt, expiresAt, receiptWait,
                variables, measuredBy, Optional.empty());
    }

    /** Measured by its journey when it names one, by its campaign otherwise. */
    public DeliveryRequest(String customerId, String campaignId, String step, String slot, Purpose purpose,
                           MessageCategory category, List<Channel> channels, Instant requestedAt, Instant expiresAt,
                           Duration receiptWait, Map<String, String> variables) {
        this(customerId, campaignId, step, slot, purpose, category, channels, requestedAt, expiresAt, receiptWait,
                variables, unitOf(campaignId, variables));
    }

    /** The unit of a request that names none: its journey, else its campaign. */
    public static String unitOf(String campaignId, Map<String, String> variables) {
        String journey = variables == null ? null : variables.get(JOURNEY_VARIABLE);
        return journey != null && !journey.isBlank() ? journey : campaignId;
    }

    /** The same request with other variables. */
    public DeliveryRequest withVariables(Map<String, String> next) {
        return new DeliveryRequest(customerId, campaignId, step, slot, purpose, category, channels, requestedAt,
                expiresAt, receiptWait, next, measuredBy, localSendTime);
    }

    public MessageKey key() {
        return MessageKey.of(customerId, step, slot);
    }

    /**
     * The delivery of a retention action: the campaign is the step and the action's idempotency key
     * the slot, so every request of one transition names the same message.
     */
    public static DeliveryRequest of(ActionRequest action, DeliveryPolicy policy) {
        return new DeliveryRequest(action.customerId(), action.campaignId(), action.campaignId(),
                action.idempotencyKey(), action.purpose(), categoryOf(action.action(), action.purpose()),
                action.channelPlan(), action.requestedAt(), action.requestedAt().plus(policy.expiry()),
                policy.receiptWait(), Map.of("signal", action.signalType().wireName()), action.campaignId());
    }

    /**
     * The preference category of a retention action. Order messages are order updates, whatever
     * the action; offers are promotions; news of products and features is new products; the rest
     * brings the customer back and is a reminder. No action asks for feedback yet, so nothing is a
     * survey until a campaign that does has a sender.
     */
    public static MessageCategory categoryOf(RetentionAction action, Purpose purpose) {
        if (purpose == Purpose.TRANSACTIONAL) return MessageCategory.ORDER_UPDATES;
        return switch (action) {
            case SALE_PROMOTION -> MessageCategory.PROMOTIONS;
            case NEW_PRODUCTS_PROMOTION, FEATURE_HIGHLIGHTS, CROSS_PROMOTION_EMAIL -> MessageCategory.NEW_PRODUCTS;
            case PERMISSION_RENEWAL, CROSS_CHANNEL_RETARGET, IN_APP_NUDGE, LAPSED_CAMPAIGN, WINBACK_EMAIL, THROTTLE,
                 AD_AUDIENCE, NONE -> MessageCategory.REMINDERS;
        };
    }
}
