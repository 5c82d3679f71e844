package dev.winback.core.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The type-specific part of an {@link EngagementEvent}; one record per contract type. */
public sealed interface EventPayload {

    /** The contract's wire name, e.g. {@code session_started}. */
    String type();

    record SessionStarted(Platform platform) implements EventPayload {
        public String type() { return "session_started"; }
    }

    record StoreVisited(String storeId) implements EventPayload {
        public String type() { return "store_visited"; }
    }

    record PurchaseCompleted(String orderId, BigDecimal amount, String currency, List<LineItem> items)
            implements EventPayload {
        public PurchaseCompleted {
            items = List.copyOf(items);
        }
        public String type() { return "purchase_completed"; }
    }

    record OrderStatusChanged(String orderId, String status) implements EventPayload {
        public String type() { return "order_status_changed"; }
    }

    /**
     * A message Winback (or another sender) put on a channel; the baseline for sunset counting and
     * frequency caps. A send without a purpose counts as marketing (caps err on the side of fewer messages).
     * {@code measuredBy} names the unit (a rule's campaign, a journey) a Winback marketing send exposes
     * the customer to, for outcomes; other senders' sends name none.
     */
    record MessageSent(String messageId, Channel channel, Optional<Purpose> purpose, Optional<String> measuredBy)
            implements EventPayload {
        public MessageSent {
            java.util.Objects.requireNonNull(purpose, "purpose");
            purpose.ifPresent(Purpose::requireOfMessages);
            java.util.Objects.requireNonNull(measuredBy, "measuredBy");
        }

        public MessageSent(String messageId, Channel channel) {
            this(messageId, channel, Optional.empty());
        }

        /** A send not measured: made by another sender, or before sends named their unit. */
        public MessageSent(String messageId, Channel channel, Optional<Purpose> purpose) {
            this(messageId, channel, purpose, Optional.empty());
        }

        public String type() { return "message_sent"; }

        /** Whether the send counts toward marketing frequency caps. */
        public boolean marketing() {
            return purpose.orElse(Purpose.MARKETING) == Purpose.MARKETING;
        }
    }

    /** Delivery receipts and engagement with a message: delivered, opened, clicked, converted. */
    record MessageFeedback(MessageFeedbackKind kind, String messageId, Channel channel) implements EventPayload {
        public String type() { return kind.wireName(); }
    }

    /** A message the provider could not deliver (bounce, rejection, disabled endpoint). */
    record MessageFailed(String messageId, Channel channel, FailureReason reason) implements EventPayload {
        public String type() { return "message_failed"; }
    }

    record PushPermissionChanged(boolean granted) implements EventPayload {
        public String type() { return "push_permission_changed"; }
    }

    record EmailSubscriptionChanged(EmailStatus status) implements EventPayload {
        public String type() { return "email_subscription_changed"; }
    }

    record SmsSubscriptionChanged(SmsStatus status) implements EventPayload {
        public String type() { return "sms_subscription_changed"; }
    }

    record MembershipChanged(String tier, MembershipStatus status) implements EventPayload {
        public String type() { return "membership_changed"; }
    }

    /**
     * A customer reviewed a product. Only the recent list notes it: a review is a journey's trigger or
     * exit, not engagement to merge.
     *
     * @param rating 1 to 5
     */
    record ReviewSubmitted(Optional<String> orderId, Optional<String> sku, int rating) implements EventPayload {
        public ReviewSubmitted {
            java.util.Objects.requireNonNull(orderId, "orderId");
            java.util.Objects.requireNonNull(sku, "sku");
        }

        public String type() { return "review_submitted"; }
    }

    /**
     * A customer answered an interest question; the answer becomes the profile attribute named by the
     * question. The answer is personal data: never logged.
     *
     * @param question a name such as {@code favouriteSport}
     */
    record SurveyAnswered(String question, String answer) implements EventPayload {
        public String type() { return "survey_answered"; }
    }

    record AppInstalled() implements EventPayload {
        public String type() { return "app_installed"; }
    }

    record AppUninstalled() implements EventPayload {
        public String type() { return "app_uninstalled"; }
    }

    /** Only the fields present change; an absent field leaves the stored value alone. */
    record ProfileUpdated(
            Optional<String> email,
            Optional<String> phone,
            Optional<String> timezone,
            Optional<String> locale,
            Optional<String> birthday,
            Optional<String> pushEndpoint) implements EventPayload {
        public String type() { return "profile_updated"; }
    }

    /**
     * What the customer chose in a preference centre. Only the fields present change; each is its
     * own last-writer-wins register, so a centre may send the whole state or one field at a time.
     *
     * @param mutedCategories categories the customer does not want (replaces the stored set)
     * @param mutedChannels   channels the customer does not want marketing on (replaces the stored set)
     * @param maxPerWeek      at most this many marketing messages in any 7 days; 0 removes the personal limit
     * @param quietHours      local hours with no interrupting messages (push, SMS, messengers)
     * @param pausedUntil     no marketing before this instant; an instant in the past ends a pause
     */
    record PreferencesChanged(
            Optional<java.util.Set<MessageCategory>> mutedCategories,
            Optional<java.util.Set<Channel>> mutedChannels,
            Optional<Integer> maxPerWeek,
            Optional<QuietHours> quietHours,
            Optional<java.time.Instant> pausedUntil) implements EventPayload {
        public PreferencesChanged {
            mutedCategories = mutedCategories.map(java.util.Set::copyOf);
            mutedChannels = mutedChannels.map(java.util.Set::copyOf);
        }

        public String type() { return "preferences_changed"; }
    }

    /**
     * @param messageId evidence: the message the change was made from (an unsubscribe link, a reply)
     * @param ipAddress evidence: the address the request came from, where the source saw one
     */
    record ConsentChanged(Channel channel, Purpose purpose, boolean granted, String source, String wordingVersion,
                          Optional<String> messageId, Optional<String> ipAddress)
            implements EventPayload {
        public ConsentChanged {
            java.util.Objects.requireNonNull(messageId, "messageId");
            java.util.Objects.requireNonNull(ipAddress, "ipAddress");
        }

        public ConsentChanged(Channel channel, Purpose purpose, boolean granted, String source, String wordingVersion) {
            this(channel, purpose, granted, source, wordingVersion, Optional.empty(), Optional.empty());
        }

        public String type() { return "consent_changed"; }
    }
}
