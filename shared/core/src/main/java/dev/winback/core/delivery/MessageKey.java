package dev.winback.core.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger's name for one message: a hash of (customer, step, slot), so every request for the same
 * step and slot finds the same entry. Message ids of its attempts ({@code wb-<id>-<n>}) carry it,
 * so a receipt leads back to the entry.
 */
public record MessageKey(String customerId, String id) {

    private static final Pattern MESSAGE_ID = Pattern.compile("^wb-([0-9a-f]{32})-([1-9][0-9]?)$");

    public MessageKey {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(id, "id");
    }

    /** 128 bits of SHA-256 over the length-prefixed parts: no two different triples share an encoding. */
    public static MessageKey of(String customerId, String step, String slot) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        for (String part : List.of(customerId, step, slot)) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return new MessageKey(customerId, HexFormat.of().formatHex(sha256.digest(), 0, 16));
    }

    /** The message id of attempt {@code number} (1-based): what providers carry back in receipts. */
    public String messageId(int number) {
        return "wb-" + id + "-" + number;
    }

    /** The attempt a Winback message id names, or empty for any other sender's id. */
    public static Optional<Attempted> parse(String customerId, String messageId) {
        Matcher m = MESSAGE_ID.matcher(messageId);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new Attempted(new MessageKey(customerId, m.group(1)), Integer.parseInt(m.group(2))));
    }

    public record Attempted(MessageKey key, int attempt) {
    }
}
