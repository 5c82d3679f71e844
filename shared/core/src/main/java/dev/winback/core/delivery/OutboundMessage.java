package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One message ready to leave on one channel: rendered, addressed, and named for exactly-once.
 * Carries personal data (the address, the content): never logged.
 *
 * @param messageId      Winback's id of this send; the provider carries it back in receipts (a
 *                       message tag, a message attribute) so feedback finds the message again
 * @param address        where the channel sends: an email address, an E.164 number, a push
 *                       endpoint ARN, a messenger recipient, or the customer id for the in-app inbox
 * @param unsubscribeUrl the signed one-click link (RFC 8058); present on marketing email
 */
public record OutboundMessage(
        String messageId,
        String customerId,
        Channel channel,
        Purpose purpose,
        String address,
        RenderedContent content,
        Optional<URI> unsubscribeUrl) {

    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
    }
}
