package dev.winback.core.evaluation;

import dev.winback.core.record.StoredRecord;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The evaluation store and the outbox in memory, with the conditional-write semantics of the DynamoDB adapter. */
final class InMemoryEvaluationStore implements EvaluationStore, ActionOutbox {

    static final int SHARDS = 4;

    record OutboxItem(ActionRequest request, Instant dueAt, Set<Destination> done, boolean published) {
    }

    private final Map<String, StoredRecord> records = new HashMap<>();
    /** What an eventually consistent read returns instead of the record, until cleared. */
    private final Map<String, StoredRecord> stale = new HashMap<>();
    int consistentLoads;
    private final Map<String, OutboxItem> outbox = new LinkedHashMap<>();
    int saves;

    synchronized void put(EngagementRecord record, long version, Optional<Instant> dueAt) {
        records.put(record.customerId(), new StoredRecord(record, version, dueAt));
    }

    /** Eventually consistent reads of this customer return {@code version} of the past. */
    synchronized void staleReads(StoredRecord version) {
        stale.put(version.record().customerId(), version);
    }

    synchronized StoredRecord get(String customerId) {
        return records.get(customerId);
    }

    synchronized Map<String, OutboxItem> outbox() {
        return Map.copyOf(outbox);
    }

    @Override
    public int shards() {
        return SHARDS;
    }

    @Override
    public synchronized List<DueItem> due(int shard, Instant now) {
        List<Map.Entry<Instant, DueItem>> due = new ArrayList<>();
        records.forEach((id, stored) -> {
            if (shardOf(id) == shard && stored.dueAt().isPresent() && !stored.dueAt().get().isAfter(now)) {
                due.add(Map.entry(stored.dueAt().get(), new DueItem.Record(id)));
            }
        });
        outbox.forEach((key, item) -> {
            String id = item.request().customerId();
            if (shardOf(id) == shard && !item.published() && !item.dueAt().isAfter(now)) {
                due.add(Map.entry(item.dueAt(), new DueItem.Action(id, key)));
            }
        });
        due.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        return due.stream().map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized Map<String, StoredRecord> load(Collection<String> customerIds) {
        consistentLoads++;
        Map<String, StoredRecord> out = new HashMap<>();
        for (String id : customerIds) out.put(id, records.getOrDefault(id, StoredRecord.absent(id)));
        return out;
    }

    @Override
    public synchronized Map<String, StoredRecord> loadEventually(Collection<String> customerIds) {
        Map<String, StoredRecord> out = new HashMap<>();
        for (String id : customerIds) {
            out.put(id, stale.getOrDefault(id, records.getOrDefault(id, StoredRecord.absent(id))));
        }
        return out;
    }

    @Override
    public synchronized SaveResult save(StoredRecord previous, EngagementRecord next, Optional<Instant> dueAt,
                                        List<ActionRequest> newActions, Instant now, Instant leaseUntil) {
        String id = previous.record().customerId();
        StoredRecord current = records.get(id);
        if (current == null || current.version() != previous.version()) return new SaveResult.VersionConflict();
        Set<String> existing = new HashSet<>();
        for (ActionRequest action : newActions) {
            if (outbox.containsKey(action.idempotencyKey())) existing.add(action.idempotencyKey());
        }
        if (!existing.isEmpty()) return new SaveResult.ActionsExist(existing);
        records.put(id, new StoredRecord(next, current.version() + 1, dueAt));
        for (ActionRequest action : newActions) {
            outbox.put(action.idempotencyKey(), new OutboxItem(action, leaseUntil, Set.of(), false));
        }
        saves++;
        return new SaveResult.Saved();
    }

    @Override
    public synchronized Optional<PendingAction> claim(DueItem.Action due, Instant now, Instant leaseUntil) {
        OutboxItem item = outbox.get(due.idempotencyKey());
        if (item == null || item.published() || item.dueAt().isAfter(now)) return Optional.empty();
        outbox.put(due.idempotencyKey(), new OutboxItem(item.request(), leaseUntil, item.done(), false));
        return Optional.of(new PendingAction(item.request(), item.done()));
    }

    @Override
    public synchronized void published(PendingAction action, Instant now) {
        OutboxItem item = outbox.get(action.request().idempotencyKey());
        outbox.put(action.request().idempotencyKey(),
                new OutboxItem(item.request(), item.dueAt(), EnumSet.allOf(Destination.class), true));
    }

    @Override
    public synchronized void retryLater(PendingAction action, Set<Destination> done) {
        OutboxItem item = outbox.get(action.request().idempotencyKey());
        outbox.put(action.request().idempotencyKey(), new OutboxItem(item.request(), item.dueAt(), Set.copyOf(done), false));
    }

    private static int shardOf(String customerId) {
        return Math.floorMod(customerId.hashCode(), SHARDS);
    }
}
