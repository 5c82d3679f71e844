package dev.winback.core.links;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The deployment's secret keys by id, and the independent keys derived from each for each use
 * (HMAC-SHA256 of a fixed label, so a key for one purpose says nothing about another): encrypting
 * and signing link tokens, and hashing contact addresses. The current key signs new tokens and
 * writes new hashes; older keys still check tokens already sent and match hashes already stored,
 * so the secret rotates without breaking links, tombstones or STOP look-ups. A key can be retired:
 * its links are refused from then on, but its hashes still match (an erasure tombstone must hold for
 * good, and a keyed hash cannot be recomputed under a new key without the address it hides).
 * Removing a key ends both. The secret is read lazily, on first use, so a function that never signs
 * a link never fetches it.
 */
public final class KeyMaterial {

    /** The shortest secret accepted: 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    /**
     * The id of a secret that predates key ids (a plain secret): its tokens may be of version 1,
     * which names no key, and its hashes have no key prefix, exactly as they were written.
     */
    public static final String LEGACY_ID = "0";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    /**
     * The secret as the operator gives it: keys by id, which one is current, and which are retired
     * (no longer accepted on links, still used to match stored hashes).
     */
    public record Ring(String currentId, Map<String, byte[]> secrets, Set<String> retired) {
        public Ring {
            Objects.requireNonNull(currentId, "currentId");
            secrets = Map.copyOf(secrets);
            retired = Set.copyOf(retired);
            if (!secrets.containsKey(currentId)) {
                throw new IllegalArgumentException("the current key id names no key of the secret");
            }
            if (retired.contains(currentId) || !secrets.keySet().containsAll(retired)) {
                throw new IllegalArgumentException("only an older key of the secret can be retired");
            }
            for (Map.Entry<String, byte[]> key : secrets.entrySet()) {
                if (!ID.matcher(key.getKey()).matches()) {
                    throw new IllegalArgumentException("a key id is 1 to 16 letters, digits, '-' or '_'");
                }
                if (key.getValue() == null || key.getValue().length < MIN_SECRET_BYTES) {
                    throw new IllegalArgumentException("each link secret key must be at least " + MIN_SECRET_BYTES
                            + " bytes");
                }
            }
        }

        public Ring(String currentId, Map<String, byte[]> secrets) {
            this(currentId, secrets, Set.of());
        }

        public static Ring single(byte[] secret) {
            return new Ring(LEGACY_ID, Map.of(LEGACY_ID, secret));
        }
    }

    /** The keys derived from one secret key; a retired one checks no link. */
    record Derived(String id, byte[] tokenEncryption, byte[] tokenMac, byte[] contactHash, boolean retired) {
    }

    private record Keys(Derived current, Map<String, Derived> byId, List<Derived> all) {
    }

    private final Supplier<Ring> secret;
    private volatile Keys derived;

    /** @param secret called once, on first use */
    public KeyMaterial(Supplier<Ring> secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** A plain secret of at least {@link #MIN_SECRET_BYTES} bytes: one key, of id {@link #LEGACY_ID}. */
    public static KeyMaterial of(byte[] secret) {
        byte[] copy = secret.clone();
        return new KeyMaterial(() -> Ring.single(copy));
    }

    public static KeyMaterial of(String currentId, Map<String, byte[]> secrets) {
        return of(currentId, secrets, Set.of());
    }

    public static KeyMaterial of(String currentId, Map<String, byte[]> secrets, Set<String> retired) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        secrets.forEach((id, key) -> copy.put(id, key.clone()));
        return new KeyMaterial(() -> new Ring(currentId, copy, retired));
    }

    /** The key new tokens and hashes are made with. */
    Derived current() {
        return keys().current;
    }

    Optional<Derived> byId(String id) {
        return Optional.ofNullable(keys().byId.get(id));
    }

    /** Every key, the current one first. */
    List<Derived> all() {
        return keys().all;
    }

    private Keys keys() {
        Keys d = derived;
        if (d == null) {
            synchronized (this) {
                d = derived;
                if (d == null) {
                    Ring ring = secret.get();
                    if (ring == null) throw new IllegalStateException("the link secret has no keys");
                    Map<String, Derived> byId = new LinkedHashMap<>();
                    List<Derived> all = new ArrayList<>();
                    for (Map.Entry<String, byte[]> key : ring.secrets().entrySet()) {
                        byte[] master = key.getValue();
                        Derived one = new Derived(key.getKey(), hmac(master, label("token-encryption")),
                                hmac(master, label("token-mac")), hmac(master, label("contact-hash")),
                                ring.retired().contains(key.getKey()));
                        byId.put(key.getKey(), one);
                        Arrays.fill(master, (byte) 0);
                    }
                    Derived current = byId.get(ring.currentId());
                    all.add(current);
                    byId.values().stream().filter(k -> k != current).sorted(java.util.Comparator.comparing(Derived::id))
                            .forEach(all::add);
                    d = new Keys(current, Map.copyOf(byId), List.copyOf(all));
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
