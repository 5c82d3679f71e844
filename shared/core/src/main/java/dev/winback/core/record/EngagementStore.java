package dev.winback.core.record;


import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where engagement records live. Implementations throw only for infrastructure failures. */
public interface EngagementStore {

    /**
     * Strongly consistent reads, with each record's armed timer; customers without a record come back
     * {@link StoredRecord#absent}, erased customers {@link StoredRecord#erased}.
     */
    Map<String, StoredRecord> load(Collection<String> customerIds);

    /**
     * As {@link #load}, but the reads may miss a write of the last second or so (eventually
     * consistent, half the read cost where the store bills so): for a caller that writes back
     * through {@link #save}, whose version condition refuses a write from a stale read, and then
     * reads again with {@link #load}.
     */
    default Map<String, StoredRecord> loadToUpdate(Collection<String> customerIds) {
        return load(customerIds);
    }

    /**
     * One customer's record to show or change on request (strongly consistent): empty when never
     * stored or erased, so an old link or an operator cannot bring back a customer who was erased.
     */
    default Optional<StoredRecord> read(String customerId) {
        StoredRecord stored = load(List.of(customerId)).get(customerId);
        return stored == null ? Optional.empty() : stored.ifStored();
    }

    /** Every archive item of the customer, by month (strongly consistent). */
    Map<YearMonth, ArchivedMonth> loadArchive(String customerId);

    /**
     * Writes the updated record (and any archive additions, atomically with it) only if the stored
     * version is still {@code previous.version()}.
     *
     * @param arm when present, the record's evaluation timer is set to this instant in the same write;
     *            when empty, the timer is left as it is
     * @return false when someone else wrote the record first
     */
    boolean save(StoredRecord previous, RecordUpdate.Result update, Optional<Instant> arm);

    /** Writes the updated record and leaves its timer as it is. */
    default boolean save(StoredRecord previous, RecordUpdate.Result update) {
        return save(previous, update, Optional.empty());
    }
}
