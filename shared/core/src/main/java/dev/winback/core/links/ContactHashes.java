package dev.winback.core.links;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Keyed hashes of contact addresses (HMAC-SHA256 under a key derived from the deployment secret),
 * for erasure tombstones, the SMS suppression list and address look-ups: the table holds no address
 * in the clear, and without the key nobody can test a guessed address against it (an unkeyed hash
 * of a phone number is reversed by trying them all). Addresses are normalised first, so case and
 * spacing do not matter.
 *
 * <p>A hash names its key: {@code <key id>.<hex>} ({@code <hex>} alone under
 * {@link KeyMaterial#LEGACY_ID}, as written before key ids). New items are written under the current
 * key ({@link #email}, {@link #phone}); look-ups try the hashes under every key of the secret
 * ({@link #emailUnderEveryKey}, {@link #phoneUnderEveryKey}), so rotating the secret neither lets an
 * erased address back in nor makes a STOP miss its customer.
 */
public final class ContactHashes {

    private final KeyMaterial keys;

    public ContactHashes(KeyMaterial keys) {
        this.keys = keys;
    }

    /** Under the current key: for writing. */
    public String email(String address) {
        return hash(keys.current(), normalisedEmail(address));
    }

    /** @param e164 a number in E.164 form; spaces and dashes are ignored */
    public String phone(String e164) {
        return hash(keys.current(), normalisedPhone(e164));
    }

    /** Under every key, the current one first: for look-ups. */
    public List<String> emailUnderEveryKey(String address) {
        String normalised = normalisedEmail(address);
        return keys.all().stream().map(key -> hash(key, normalised)).toList();
    }

    public List<String> phoneUnderEveryKey(String e164) {
        String normalised = normalisedPhone(e164);
        return keys.all().stream().map(key -> hash(key, normalised)).toList();
    }

    private static String normalisedEmail(String address) {
        return "email:" + address.trim().toLowerCase(Locale.ROOT);
    }

    private static String normalisedPhone(String e164) {
        return "phone:" + e164.replaceAll("[\\s\\-().]", "");
    }

    private static String hash(KeyMaterial.Derived key, String normalised) {
        byte[] mac = KeyMaterial.hmac(key.contactHash(), normalised.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(mac, 0, 20);
        return KeyMaterial.LEGACY_ID.equals(key.id()) ? hex : key.id() + "." + hex;
    }
}
