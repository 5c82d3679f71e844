package dev.winback.core.event;

/**
 * Why a message did not reach the customer, as the provider reported it. Only {@link #BOUNCED} and
 * {@link #ENDPOINT_DISABLED} say the address is gone; transient failures count towards a degraded
 * channel; rejections and rendering failures are the sender's problem, not the customer's.
 */
public enum FailureReason {
    BOUNCED, SOFT_BOUNCED, REJECTED, RENDERING_FAILED, ENDPOINT_DISABLED, DELIVERY_FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The address no longer works: stop sending to it. */
    public boolean addressGone() {
        return this == BOUNCED || this == ENDPOINT_DISABLED;
    }

    /** A failure that may pass, but repeated means the channel is degraded. */
    public boolean transientFailure() {
        return this == SOFT_BOUNCED || this == DELIVERY_FAILED;
    }
}
