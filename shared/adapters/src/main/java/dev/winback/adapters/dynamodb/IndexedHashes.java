package dev.winback.adapters.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The hash of every address a record was ever indexed under ({@link ContactIndex}), kept on the
 * record item itself as a binary set: erasure's list of the owner items to delete. The record write
 * that indexes a new address adds its hash in the same UpdateItem, which costs nothing beyond the
 * bytes, where a separate item in the customer's partition cost a write unit of its own.
 *
 * <p>A hash {@code <key id>.<hex>} is stored as the UTF-8 of {@code <key id>.} followed by the raw
 * bytes of the hex (about 23 bytes rather than 43): the record item's size sets its write units.
 */
public final class IndexedHashes {

    /** The record item's attribute (a binary set). */
    public static final String ATTRIBUTE = "ch";

    private static final int RAW_BYTES = 20;

    private IndexedHashes() {
    }

    /** The set to ADD to the record item. */
    static AttributeValue of(Collection<String> hashes) {
        return AttributeValue.fromBs(hashes.stream().map(IndexedHashes::encode).map(SdkBytes::fromByteArray).toList());
    }

    /** The hashes an item (a record or its erasure marker) holds; empty when it holds none. */
    public static Set<String> in(Map<String, AttributeValue> item) {
        AttributeValue set = item.get(ATTRIBUTE);
        Set<String> out = new LinkedHashSet<>();
        if (set != null && set.hasBs()) set.bs().forEach(bytes -> out.add(decode(bytes.asByteArray())));
        return out;
    }

    static byte[] encode(String hash) {
        int hexFrom = hash.lastIndexOf('.') + 1;
        byte[] prefix = hash.substring(0, hexFrom).getBytes(StandardCharsets.UTF_8);
        byte[] raw = HexFormat.of().parseHex(hash.substring(hexFrom));
        byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }

    static String decode(byte[] bytes) {
        int hexFrom = bytes.length - RAW_BYTES;
        return new String(bytes, 0, hexFrom, StandardCharsets.UTF_8)
                + HexFormat.of().formatHex(bytes, hexFrom, bytes.length);
    }
}
