package dev.winback.local.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size as DynamoDB bills it: each attribute's name and value in bytes (strings in UTF-8,
 * binaries as they are, numbers about one byte per two digits plus one). Enough for the
 * billing rules: a read unit per 4 KB read strongly, a write unit per 1 KB written.
 */
final class ItemSize {

    private ItemSize() {
    }

    static int bytes(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueBytes(attribute.getValue());
        }
        return size;
    }

    /** Strongly consistent read units of one item of {@code bytes}. */
    static int readUnits(int bytes) {
        return Math.max(1, (bytes + 4095) / 4096);
    }

    /** Write units of one write of an item of {@code bytes}. */
    static int writeUnits(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    private static int valueBytes(AttributeValue value) {
        if (value.s() != null) return utf8(value.s());
        if (value.n() != null) return (value.n().replace("-", "").replace(".", "").length() + 1) / 2 + 1;
        if (value.b() != null) return value.b().asByteArray().length;
        if (value.bool() != null) return 1;
        throw new IllegalArgumentException("only scalar attributes are sized here");
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
