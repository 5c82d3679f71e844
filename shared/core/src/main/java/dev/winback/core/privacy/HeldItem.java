package dev.winback.core.privacy;

import dev.winback.core.record.EngagementRecord;

import java.util.Map;
import java.util.Optional;

/**
 * One stored item of the customer's.
 *
 * @param key        the item's key within the customer's data
 * @param record     the engagement record, when the item holds it
 * @param message    a sent message's stored content (a JSON document), when the item holds one
 * @param attributes every other attribute the item holds
 * @param journeys   the customer's journeys as stored (a JSON document), when the item holds them
 */
public record HeldItem(String key, Optional<EngagementRecord> record, Optional<String> message,
                       Map<String, HeldValue> attributes, Optional<String> journeys) {

    /** An item that holds no journeys. */
    public HeldItem(String key, Optional<EngagementRecord> record, Optional<String> message,
                    Map<String, HeldValue> attributes) {
        this(key, record, message, attributes, Optional.empty());
    }
}
