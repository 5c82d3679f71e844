package dev.winback.core.feedback;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Events made from provider feedback. Their ids derive from the notification's own identity, so a
 * replayed notification makes the same events, which ingestion drops as duplicates.
 */
public final class FeedbackEvents {

    private FeedbackEvents() {
    }

    /** {@code <provider>-<first 16 bytes of SHA-256(a|b|c) in hex>}. */
    public static String id(String provider, String a, String b, String c) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((a + "|" + b + "|" + c).getBytes(StandardCharsets.UTF_8));
            return provider + "-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EngagementEvent event(String id, String customerId, Instant at, EventPayload payload) {
        return new EngagementEvent(id, customerId, at, Optional.empty(), payload);
    }
}
