package dev.winback.core.links;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The deployment's one secret, and the independent keys derived from it for each use (HMAC-SHA256
 * of a fixed label, so a key for one purpose says nothing about another): encrypting and signing
 * link tokens, and hashing contact addresses for erasure tombstones. The secret itself is read
 * lazily, on first use, so a function that never signs a link never fetches it.
 */
public final class KeyMaterial {

    /** The shortest secret accepted: 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private final Supplier<byte[]> secret;
    private volatile Derived derived;

    private record Derived(byte[] tokenEncryption, byte[] tokenMac, byte[] contactHash) {
    }

    /** @param secret called once, on first use; must return at least {@link #MIN_SECRET_BYTES} bytes */
    public KeyMaterial(Supplier<byte[]> secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public static KeyMaterial of(byte[] secret) {
        byte[] copy = secret.clone();
        return new KeyMaterial(() -> copy);
    }

    byte[] tokenEncryption() {
        return keys().tokenEncryption;
    }

    byte[] tokenMac() {
        return keys().tokenMac;
    }

    /** The key of {@link ContactHashes}. */
    byte[] contactHash() {
        return keys().contactHash;
    }

    private Derived keys() {
        Derived d = derived;
        if (d == null) {
            synchronized (this) {
                d = derived;
                if (d == null) {
                    byte[] master = secret.get();
                    if (master == null || master.length < MIN_SECRET_BYTES) {
                        throw new IllegalStateException("the link secret must be at least " + MIN_SECRET_BYTES
                                + " bytes");
                    }
                    d = new Derived(hmac(master, label("token-encryption")), hmac(master, label("token-mac")),
                            hmac(master, label("contact-hash")));
                    Arrays.fill(master, (byte) 0);
                    derived = d;
                }
            }
        }
        return d;
    }

    private static byte[] label(String use) {
        return ("winback/v1/" + use).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) mac.update(part);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
