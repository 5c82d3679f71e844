package dev.winback.core.feedback;

import dev.winback.core.record.StoredRecord;

import java.util.Optional;

/** A customer's record as stored now (empty when there is none, or it was erased). */
@FunctionalInterface
public interface CurrentRecords {
    Optional<StoredRecord> find(String customerId);
}
