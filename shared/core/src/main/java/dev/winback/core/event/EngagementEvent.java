package dev.winback.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a customer did or had done to them, as accepted by event contract v1.
 * The envelope is common to every type; what varies lives in the sealed {@link EventPayload}.
 */
public record EngagementEvent(
        String eventId,
        String customerId,
        Instant occurredAt,
        Optional<Platform> platform,
        EventPayload payload) {

    public EngagementEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(payload, "payload");
    }

    public String type() {
        return payload.type();
    }
}
