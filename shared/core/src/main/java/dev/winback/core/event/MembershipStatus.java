package dev.winback.core.event;

/**
 * Where a membership or subscription stands. At the same instant the later constant wins (the more
 * restrictive one), so a cancellation outranks everything and a failed payment outranks a reminder.
 */
public enum MembershipStatus {
    STARTED, RENEWED,
    /** The billing system says a renewal is coming (the customer should hear before it charges). */
    RENEWAL_DUE,
    /** The last payment failed: the membership runs on, at risk. */
    PAYMENT_FAILED,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
