package dev.winback.core.links;

import dev.winback.core.event.Channel;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signed link grants: one customer, one purpose (unsubscribing from a channel or a category
 * of it, or opening the preference centre), issued at one instant.
 *
 * @param channel  the channel an unsubscribe link withdraws; empty for a preferences link
 * @param category a preference category (e.g. "promotions") an unsubscribe is limited to; empty
 *                 for the whole channel
 */
public record LinkToken(Kind kind, String customerId, Optional<Channel> channel, Optional<String> category,
                        Instant issuedAt) {

    public enum Kind { UNSUBSCRIBE, PREFERENCES }

    public LinkToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (kind == Kind.UNSUBSCRIBE && channel.isEmpty()) {
            throw new IllegalArgumentException("an unsubscribe link names its channel");
        }
    }

    public static LinkToken unsubscribe(String customerId, Channel channel, String category, Instant issuedAt) {
        return new LinkToken(Kind.UNSUBSCRIBE, customerId, Optional.of(channel), Optional.ofNullable(category),
                issuedAt);
    }

    public static LinkToken preferences(String customerId, Instant issuedAt) {
        return new LinkToken(Kind.PREFERENCES, customerId, Optional.empty(), Optional.empty(), issuedAt);
    }
}
