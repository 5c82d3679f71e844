package dev.winback.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a customer did or had done to them, as accepted by event contract v1.
 * The envelope is common to every type; what varies lives in the sealed {@link EventPayload}.
 *
 * @param occurredAt when it happened, as the sender claims
 * @param receivedAt when Winback received it (a fact of Winback's, not the sender's), or null before
 *                   ingestion stamps it; consent merging uses it so that a withdrawal already received
 *                   is never undone by a grant that merely claims a later time
 */
public record EngagementEvent(
        String eventId,
        String customerId,
        Instant occurredAt,
        Optional<Platform> platform,
        EventPayload payload,
        Instant receivedAt) {

    public EngagementEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(payload, "payload");
    }

    /** An event not yet received: ingestion stamps its receipt. */
    public EngagementEvent(String eventId, String customerId, Instant occurredAt, Optional<Platform> platform,
                           EventPayload payload) {
        this(eventId, customerId, occurredAt, platform, payload, null);
    }

    public String type() {
        return payload.type();
    }

    /** The same event, received at {@code at} unless its receipt is already known. */
    public EngagementEvent receivedBy(Instant at) {
        return receivedAt != null ? this
                : new EngagementEvent(eventId, customerId, occurredAt, platform, payload, at);
    }
}
