package dev.winback.adapters.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The shared secret that signs webhook requests. Never printed: {@link #toString()} hides it. */
public final class WebhookSecret {

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < 16) throw new IllegalArgumentException("a webhook secret needs at least 16 bytes");
        this.key = key.clone();
    }

    /** The secret as configured: its UTF-8 bytes are the HMAC key. */
    public static WebhookSecret of(String secret) {
        return new WebhookSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret s && java.security.MessageDigest.isEqual(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
