package dev.winback.core.links;

import dev.winback.core.event.Channel;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signed link grants: one customer, one purpose (unsubscribing from a channel or a category
 * of it, opening the preference centre, or confirming they want to keep hearing from us on a
 * channel), issued at one instant.
 *
 * @param channel  the channel an unsubscribe link withdraws or a keep-subscribed link confirms; empty
 *                 for a preferences link
 * @param category a preference category (e.g. "promotions") an unsubscribe is limited to; empty
 *                 for the whole channel
 */
public record LinkToken(Kind kind, String customerId, Optional<Channel> channel, Optional<String> category,
                        Instant issuedAt) {

    /** Encoded by position: new kinds go at the end, so links already sent keep their meaning. */
    public enum Kind { UNSUBSCRIBE, PREFERENCES, KEEP_SUBSCRIBED }

    public LinkToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if ((kind == Kind.UNSUBSCRIBE || kind == Kind.KEEP_SUBSCRIBED) && channel.isEmpty()) {
            throw new IllegalArgumentException("an unsubscribe or keep-subscribed link names its channel");
        }
    }

    /** The last chance's button: the customer confirms they still want marketing on the channel. */
    public static LinkToken keepSubscribed(String customerId, Channel channel, Instant issuedAt) {
        return new LinkToken(Kind.KEEP_SUBSCRIBED, customerId, Optional.of(channel), Optional.empty(), issuedAt);
    }

    public static LinkToken unsubscribe(String customerId, Channel channel, String category, Instant issuedAt) {
        return new LinkToken(Kind.UNSUBSCRIBE, customerId, Optional.of(channel), Optional.ofNullable(category),
                issuedAt);
    }

    public static LinkToken preferences(String customerId, Instant issuedAt) {
        return new LinkToken(Kind.PREFERENCES, customerId, Optional.empty(), Optional.empty(), issuedAt);
    }
}
