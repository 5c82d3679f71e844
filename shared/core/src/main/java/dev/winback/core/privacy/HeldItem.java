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
 */
public record HeldItem(String key, Optional<EngagementRecord> record, Optional<String> message,
                       Map<String, HeldValue> attributes) {
}
