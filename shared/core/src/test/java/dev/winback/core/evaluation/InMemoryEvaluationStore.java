package dev.winback.core.evaluation;

import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.StoredRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation store in memory, with the conditional-write semantics of the DynamoDB adapter:
 * pending actions in the record, the timer left due while they are held, settled after publishing.
 */
final class InMemoryEvaluationStore implements EvaluationStore {

    static final int SHARDS = 4;

    private final Map<String, DueRecord> records = new HashMap<>();
    /** What an eventually consistent read returns instead of the record, until cleared. */
    private final Map<String, StoredRecord> stale = new HashMap<>();
    int consistentLoads;
    int saves;
    int settles;
    /** Runs that die after writing, before publishing: saves succeed, then the run throws. */
    private boolean crashAfterSave;

    synchronized void put(EngagementRecord record, long version, Optional<Instant> dueAt) {
        records.put(record.customerId(), DueRecord.of(new StoredRecord(record, version, dueAt)));
    }

    /** Eventually consistent reads of this customer return {@code version} of the past. */
    synchronized void staleReads(StoredRecord version) {
        stale.put(version.record().customerId(), version);
    }

    synchronized void crashAfterSave(boolean crash) {
        this.crashAfterSave = crash;
    }

    synchronized StoredRecord get(String customerId) {
        return records.get(customerId).stored();
    }

    synchronized DueRecord due(String customerId) {
        return records.get(customerId);
    }

    /** A write by ingestion: a new version, its timer moved only within the hold of pending actions. */
    synchronized void ingest(String customerId, Optional<Instant> arm) {
        DueRecord current = records.get(customerId);
        Optional<Instant> timer = arm.isEmpty() ? current.stored().dueAt()
                : current.pendingUntil().isPresent() ? current.pendingUntil() : arm;
        records.put(customerId, new DueRecord(new StoredRecord(current.stored().record(), current.stored().version() + 1,
                timer), current.pending(), current.pendingUntil()));
    }

    @Override
    public int shards() {
        return SHARDS;
    }

    @Override
    public synchronized List<DueItem> due(int shard, Instant now, int limit) {
        List<Map.Entry<Instant, DueItem>> due = new ArrayList<>();
        records.forEach((id, record) -> {
            Optional<Instant> at = record.stored().dueAt();
            if (shardOf(id) == shard && at.isPresent() && !at.get().isAfter(now)) {
                due.add(Map.entry(at.get(), new DueItem.Record(id)));
            }
        });
        due.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        return due.stream().limit(limit).map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized Map<String, DueRecord> load(Collection<String> customerIds) {
        consistentLoads++;
        Map<String, DueRecord> out = new HashMap<>();
        for (String id : customerIds) out.put(id, records.getOrDefault(id, DueRecord.of(StoredRecord.absent(id))));
        return out;
    }

    @Override
    public synchronized Map<String, DueRecord> loadEventually(Collection<String> customerIds) {
        Map<String, DueRecord> out = new HashMap<>();
        for (String id : customerIds) {
            StoredRecord old = stale.get(id);
            out.put(id, old != null ? DueRecord.of(old) : records.getOrDefault(id, DueRecord.of(StoredRecord.absent(id))));
        }
        return out;
    }

    @Override
    public synchronized SaveResult save(DueRecord previous, EngagementRecord next, Optional<Instant> dueAt,
                                        List<PendingAction> toPublish, Instant leaseUntil) {
        String id = previous.stored().record().customerId();
        DueRecord current = records.get(id);
        if (current == null || current.stored().version() != previous.stored().version()) {
            return new SaveResult.VersionConflict();
        }
        long version = current.stored().version() + 1;
        if (toPublish.isEmpty()) {
            records.put(id, DueRecord.of(new StoredRecord(next, version, dueAt)));
        } else {
            records.put(id, new DueRecord(new StoredRecord(next, version, current.stored().dueAt()), toPublish,
                    Optional.of(leaseUntil)));
        }
        saves++;
        if (crashAfterSave && !toPublish.isEmpty()) throw new IllegalStateException("the run died after its write");
        return new SaveResult.Saved();
    }

    @Override
    public synchronized void settle(String customerId, long written, Instant leaseUntil, Optional<Instant> dueAt,
                                    List<PendingAction> left) {
        DueRecord current = records.get(customerId);
        if (!current.pendingUntil().equals(Optional.of(leaseUntil))) return; // taken over by another run
        settles++;
        StoredRecord stored = current.stored();
        if (!left.isEmpty()) {
            records.put(customerId, new DueRecord(stored, left, current.pendingUntil()));
        } else if (stored.version() == written) {
            records.put(customerId, DueRecord.of(new StoredRecord(stored.record(), written + 1, dueAt)));
        } else {
            records.put(customerId, DueRecord.of(stored)); // changed since: the timer stays due for a look
        }
    }

    private static int shardOf(String customerId) {
        return Math.floorMod(customerId.hashCode(), SHARDS);
    }
}
