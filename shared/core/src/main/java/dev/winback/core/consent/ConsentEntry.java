package dev.winback.core.consent;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a customer's consent log: immutable, written once with the record update that
 * applied the event it comes from.
 *
 * @param kind          a consent given or withdrawn, or a subscription status set
 * @param status        for consent "granted" or "withdrawn"; for a subscription its status
 *                      (subscribed, unsubscribed, complained, blocked)
 * @param source        where it was given or withdrawn (a form, "one-click", "sms-keyword",
 *                      "complaint", or the event type for subscription events, which carry none)
 * @param wordingVersion the wording the customer agreed to or withdrew from
 * @param messageId     evidence: the message it came from, where known
 * @param ipAddress     evidence: the address of the request, where the source saw one
 * @param receivedAt    when Winback received the change (null where not recorded): the merge rules
 *                      need it, so that replaying the log gives what the record holds
 */
public record ConsentEntry(
        String customerId,
        String eventId,
        Instant at,
        Kind kind,
        Channel channel,
        Purpose purpose,
        boolean granted,
        String status,
        String source,
        String wordingVersion,
        Optional<String> messageId,
        Optional<String> ipAddress,
        Instant receivedAt) {

    public enum Kind {
        CONSENT, SUBSCRIPTION;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ConsentEntry {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(wordingVersion, "wordingVersion");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }

    public ConsentEntry(String customerId, String eventId, Instant at, Kind kind, Channel channel, Purpose purpose,
                        boolean granted, String status, String source, String wordingVersion,
                        Optional<String> messageId, Optional<String> ipAddress) {
        this(customerId, eventId, at, kind, channel, purpose, granted, status, source, wordingVersion, messageId,
                ipAddress, null);
    }
}
