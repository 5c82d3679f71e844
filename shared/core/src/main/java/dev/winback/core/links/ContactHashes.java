package dev.winback.core.links;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keyed hashes of contact addresses (HMAC-SHA256 under a key derived from the deployment secret),
 * for erasure tombstones and address look-ups: the table holds no address in the clear, and without
 * the key nobody can test a guessed address against it (an unkeyed hash of a phone number is
 * reversed by trying them all). Addresses are normalised first, so case and spacing do not matter.
 */
public final class ContactHashes {

    private final KeyMaterial keys;

    public ContactHashes(KeyMaterial keys) {
        this.keys = keys;
    }

    public String email(String address) {
        return hash("email:" + address.trim().toLowerCase(Locale.ROOT));
    }

    /** @param e164 a number in E.164 form; spaces and dashes are ignored */
    public String phone(String e164) {
        return hash("phone:" + e164.replaceAll("[\\s\\-().]", ""));
    }

    private String hash(String normalised) {
        byte[] mac = KeyMaterial.hmac(keys.contactHash(), normalised.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, 20);
    }
}
