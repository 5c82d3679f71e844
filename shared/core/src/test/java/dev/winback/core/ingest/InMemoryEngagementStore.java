package dev.winback.core.ingest;

import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.RecordUpdate;

import dev.winback.core.record.StoredRecord;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The store port in memory, with the same conditional-write semantics as the DynamoDB adapter. */
public final class InMemoryEngagementStore implements EngagementStore {

    private final Map<String, StoredRecord> records = new HashMap<>();
    private final Map<String, Map<YearMonth, ArchivedMonth>> archives = new HashMap<>();
    int writes;

    /** How often the whole archive of a customer was read. */
    int archiveLoads;

    @Override
    public synchronized Map<String, StoredRecord> load(Collection<String> customerIds) {
        Map<String, StoredRecord> out = new HashMap<>();
        for (String id : customerIds) out.put(id, records.getOrDefault(id, StoredRecord.absent(id)));
        return out;
    }

    @Override
    public synchronized Map<YearMonth, ArchivedMonth> loadArchive(String customerId) {
        archiveLoads++;
        return new HashMap<>(archives.getOrDefault(customerId, Map.of()));
    }

    @Override
    public synchronized boolean save(StoredRecord previous, RecordUpdate.Result update, Optional<Instant> arm) {
        String id = previous.record().customerId();
        long current = records.containsKey(id) ? records.get(id).version() : 0;
        if (current != previous.version()) return false;
        Optional<Instant> due = arm.isPresent() ? arm : previous.dueAt();
        records.put(id, new StoredRecord(update.record(), current + 1, due));
        Map<YearMonth, ArchivedMonth> own = archives.computeIfAbsent(id, k -> new HashMap<>());
        update.archiveAdditions().forEach((month, addition) -> own.merge(month, addition,
                (a, b) -> new ArchivedMonth(month, union(a.eventHashes(), b.eventHashes()),
                        union(a.purchaseDays(), b.purchaseDays()))));
        writes++;
        return true;
    }

    /** What erasure leaves: a marker no write can pass (its version is never expected). */
    public synchronized void erase(String customerId) {
        records.put(customerId, StoredRecord.erased(customerId));
        archives.remove(customerId);
    }

    public synchronized StoredRecord get(String customerId) {
        return records.get(customerId);
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
