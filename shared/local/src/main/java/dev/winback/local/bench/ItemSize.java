package dev.winback.local.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size as DynamoDB bills it, by the rules of the developer guide's "Item sizes and
 * formats": each attribute's name (UTF-8 bytes) plus its value — strings in UTF-8 bytes, binaries
 * as they are, numbers (length of the significant digits / 2) + 1, booleans and null 1 byte; sets
 * the sum of their elements; lists and maps 3 bytes of overhead plus 1 byte per element plus the
 * elements (and, in a map, each element's name).
 */
final class ItemSize {

    private ItemSize() {
    }

    static int bytes(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attributeBytes(attribute.getKey(), attribute.getValue());
        }
        return size;
    }

    static int attributeBytes(String name, AttributeValue value) {
        return utf8(name) + valueBytes(value);
    }

    /** Strongly consistent read units of one item of {@code bytes}. */
    static int readUnits(int bytes) {
        return Math.max(1, (bytes + 4095) / 4096);
    }

    /** Write units of one write of an item of {@code bytes}. */
    static int writeUnits(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    static int valueBytes(AttributeValue value) {
        if (value.s() != null) return utf8(value.s());
        if (value.n() != null) return numberBytes(value.n());
        if (value.b() != null) return value.b().asByteArray().length;
        if (value.bool() != null || value.nul() != null) return 1;
        if (value.hasSs()) return value.ss().stream().mapToInt(ItemSize::utf8).sum();
        if (value.hasNs()) return value.ns().stream().mapToInt(ItemSize::numberBytes).sum();
        if (value.hasBs()) return value.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
        if (value.hasL()) return 3 + value.l().stream().mapToInt(v -> 1 + valueBytes(v)).sum();
        if (value.hasM()) return 3 + value.m().entrySet().stream()
                .mapToInt(e -> 1 + attributeBytes(e.getKey(), e.getValue())).sum();
        // An empty set cannot be stored; an empty list or map is its overhead alone.
        return 3;
    }

    /** Significant digits only: leading and trailing zeroes, the sign and the point do not count. */
    static int numberBytes(String number) {
        String digits = number.replace("-", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
        return (Math.max(1, digits.length()) + 1) / 2 + 1;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
