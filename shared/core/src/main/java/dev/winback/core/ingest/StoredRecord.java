package dev.winback.core.ingest;

import dev.winback.core.record.EngagementRecord;

/** A record as read, with the version that a conditional write must still find. 0 = not stored yet. */
public record StoredRecord(EngagementRecord record, long version) {

    public static StoredRecord absent(String customerId) {
        return new StoredRecord(EngagementRecord.empty(customerId), 0);
    }
}
