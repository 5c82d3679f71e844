package dev.winback.core.audience;

import java.util.Locale;

/**
 * Why a segment member is not in the audience, the strongest first when a customer has several:
 * a withdrawal outranks a consent never given, which outranks a missing address.
 */
public enum SkipReason {
    /** The customer asked to be erased. */
    ERASED,
    /** No record: the membership is older than the customer's data (or the data is gone). */
    UNKNOWN,
    /** Advertising withdrawn on any channel, or the address's channel closed to marketing. */
    WITHDRAWN,
    /** No advertising grant on the channel of any address the customer has. */
    NO_CONSENT,
    /** Neither an email nor a phone to match on. */
    NO_ADDRESS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
