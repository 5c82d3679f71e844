package dev.winback.core.record;


import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A record as read, with the version that a conditional write must still find (0 = not stored yet,
 * {@link #ERASED} = the customer was erased and nothing may be written for them again), the
 * instant its evaluation timer is armed for, if any, and the ids of the segments its last write
 * put it in (bookkeeping beside the record: the next write compares against it).
 */
public record StoredRecord(EngagementRecord record, long version, Optional<Instant> dueAt, Set<String> segments) {

    public StoredRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(dueAt, "dueAt");
        segments = Set.copyOf(segments);
    }

    /** A record in no segment. */
    public StoredRecord(EngagementRecord record, long version, Optional<Instant> dueAt) {
        this(record, version, dueAt, Set.of());
    }

    public StoredRecord(EngagementRecord record, long version) {
        this(record, version, Optional.empty());
    }

    /** This record when it was stored and not erased; empty for a customer never stored or erased. */
    public Optional<StoredRecord> ifStored() {
        return version <= 0 ? Optional.empty() : Optional.of(this);
    }

    /** The version of an erased customer: no write expects it, so none can succeed. */
    public static final long ERASED = -1;

    public static StoredRecord absent(String customerId) {
        return new StoredRecord(EngagementRecord.empty(customerId), 0);
    }

    /** A customer who asked to be erased: an empty record that no event may bring back. */
    public static StoredRecord erased(String customerId) {
        return new StoredRecord(EngagementRecord.empty(customerId), ERASED);
    }

    public boolean erased() {
        return version == ERASED;
    }
}
