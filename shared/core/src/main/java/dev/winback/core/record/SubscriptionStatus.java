package dev.winback.core.record;

import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.SmsStatus;

/** A channel's subscription, most permissive first; at the same instant the more restrictive wins. */
public enum SubscriptionStatus {
    SUBSCRIBED, UNSUBSCRIBED, COMPLAINED, BLOCKED;

    static SubscriptionStatus of(EmailStatus status) {
        return switch (status) {
            case SUBSCRIBED -> SUBSCRIBED;
            case UNSUBSCRIBED -> UNSUBSCRIBED;
            case COMPLAINED -> COMPLAINED;
            case BLOCKED -> BLOCKED;
        };
    }

    static SubscriptionStatus of(SmsStatus status) {
        return switch (status) {
            case SUBSCRIBED -> SUBSCRIBED;
            case UNSUBSCRIBED -> UNSUBSCRIBED;
        };
    }

    static final java.util.Comparator<SubscriptionStatus> PRECEDENCE = java.util.Comparator.naturalOrder();
}
