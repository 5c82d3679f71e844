package dev.winback.core.outcome;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Assigns customers to the control group, a unit's holdout or treatment, deterministically: each
 * draw is HMAC-SHA256 under the deployment's key of the scope and the customer id (each
 * length-prefixed, so no two pairs share an input), its first 8 bytes read as a number in [0, 1).
 * The same customer lands in the same group on every run and version, draws for different units
 * are independent, and without the key nobody can tell or steer who is held out. Pure.
 *
 * <p>The global draw comes first: a customer in the control group gets no marketing at all. The
 * others are drawn per unit (a rule's campaign, a journey), scope {@code unit:<unitId>}.
 */
public final class HoldoutAssignment {

    static final String GLOBAL_SCOPE = "global";
    static final String UNIT_SCOPE_PREFIX = "unit:";
    private static final String ALGORITHM = "HmacSHA256";
    /** 2^-53: the top 53 bits of the draw fill a double's mantissa exactly. */
    private static final double UNIT_INTERVAL = 0x1.0p-53;

    /** Nobody is withheld. */
    public static final HoldoutAssignment NONE = new HoldoutAssignment(HoldoutShares.NONE, () -> {
        throw new IllegalStateException("no holdouts: no key is needed");
    });

    private final HoldoutShares shares;
    private final HoldoutKey key;
    private volatile SecretKeySpec secret;

    /** @param key read at the first draw (never when every share is 0), then kept */
    public HoldoutAssignment(HoldoutShares shares, HoldoutKey key) {
        this.shares = Objects.requireNonNull(shares, "shares");
        this.key = Objects.requireNonNull(key, "key");
    }

    public HoldoutShares shares() {
        return shares;
    }

    /** The group of {@code customerId} for the messages of {@code unitId}. */
    public Assignment assign(String customerId, String unitId) {
        if (shares.none()) return Assignment.TREATED;
        if (shares.global() > 0 && draw(GLOBAL_SCOPE, customerId) < shares.global()) return Assignment.CONTROL;
        double unitShare = shares.unitShare(unitId);
        if (unitShare > 0 && draw(UNIT_SCOPE_PREFIX + unitId, customerId) < unitShare) return Assignment.HELD_OUT;
        return Assignment.TREATED;
    }

    /** The customer's draw in one scope, uniform in [0, 1). */
    double draw(String scope, String customerId) {
        return draw(secret(), scope, customerId);
    }

    static double draw(SecretKeySpec secret, String scope, String customerId) {
        byte[] scopeBytes = scope.getBytes(StandardCharsets.UTF_8);
        byte[] idBytes = customerId.getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(8 + scopeBytes.length + idBytes.length)
                .putInt(scopeBytes.length).put(scopeBytes).putInt(idBytes.length).put(idBytes).array();
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(secret);
            mac = hmac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        return (ByteBuffer.wrap(mac, 0, 8).getLong() >>> 11) * UNIT_INTERVAL;
    }

    private SecretKeySpec secret() {
        SecretKeySpec known = secret;
        if (known != null) return known;
        synchronized (this) {
            if (secret == null) {
                byte[] bytes = key.bytes();
                if (bytes == null || bytes.length < 16) throw new IllegalStateException("the holdout key is too short");
                secret = new SecretKeySpec(bytes, ALGORITHM);
            }
            return secret;
        }
    }
}
