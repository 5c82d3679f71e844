package dev.winback.local.bench;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DynamoDB's item size rules, each on an example computed by hand. */
class ItemSizeTest {

    @Test
    void stringsAreTheirUtf8Bytes_andNamesCount() {
        // "name" 4 + "José" 5 (é is two bytes in UTF-8).
        assertEquals(9, ItemSize.bytes(Map.of("name", AttributeValue.fromS("José"))));
    }

    @Test
    void numbersAreAboutOneBytePerTwoSignificantDigitsPlusOne() {
        assertEquals(4, ItemSize.valueBytes(AttributeValue.fromN("12345")));   // (5 + 1) / 2 + 1
        assertEquals(4, ItemSize.valueBytes(AttributeValue.fromN("-123.45")));
        assertEquals(2, ItemSize.valueBytes(AttributeValue.fromN("1000")));    // trailing zeroes trimmed
    }

    @Test
    void binariesBooleansAndNulls() {
        assertEquals(10, ItemSize.valueBytes(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10]))));
        assertEquals(1, ItemSize.valueBytes(AttributeValue.fromBool(true)));
        assertEquals(1, ItemSize.valueBytes(AttributeValue.fromNul(true)));
    }

    @Test
    void listsAndMapsCarryThreeBytesAndOnePerElement() {
        // 3 + (1 + 2) + (1 + 3)
        assertEquals(10, ItemSize.valueBytes(AttributeValue.fromL(List.of(AttributeValue.fromS("ab"),
                AttributeValue.fromS("cde")))));
        // 3 + (1 + "k" 1 + "v" 1)
        assertEquals(6, ItemSize.valueBytes(AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")))));
        assertEquals(3, ItemSize.valueBytes(AttributeValue.fromL(List.of())));
    }

    @Test
    void setsAreTheSumOfTheirElements() {
        assertEquals(5, ItemSize.valueBytes(AttributeValue.fromSs(List.of("ab", "cde"))));
        assertEquals(5, ItemSize.valueBytes(AttributeValue.fromNs(List.of("12", "345"))));  // 2 + 3
    }
}
