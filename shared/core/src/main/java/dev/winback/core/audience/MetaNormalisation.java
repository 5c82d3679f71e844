package dev.winback.core.audience;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Meta's normalisation for customer-list matching, then the unsalted SHA-256 Meta compares with its
 * own hashes (lower-case hex). Email: trim leading and trailing spaces, lower-case. Phone: digits only
 * (symbols, letters and the E.164 '+' removed), no leading zeros, the country code kept: the contract
 * stores phones in E.164, so the country code is always there. Pure; any difference from Meta's rules
 * silently loses matches, hence the published examples in the test.
 */
public final class MetaNormalisation {

    private MetaNormalisation() {
    }

    /** The normalised email, or empty when nothing is left to match on. */
    public static Optional<String> email(String address) {
        if (address == null) return Optional.empty();
        String normalised = address.strip().toLowerCase(Locale.ROOT);
        return normalised.isEmpty() ? Optional.empty() : Optional.of(normalised);
    }

    /** The normalised phone: digits only, leading zeros removed; empty when no digit is left. */
    public static Optional<String> phone(String number) {
        if (number == null) return Optional.empty();
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9' && !(c == '0' && digits.isEmpty())) digits.append(c);
        }
        return digits.isEmpty() ? Optional.empty() : Optional.of(digits.toString());
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    public static String sha256(String normalised) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
