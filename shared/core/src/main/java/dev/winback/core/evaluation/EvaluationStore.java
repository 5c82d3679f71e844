package dev.winback.core.evaluation;

import dev.winback.core.record.StoredRecord;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the evaluator finds what fell due and writes what it concluded. The due-time index is split
 * into {@link #shards()} partitions so that no single one takes every timer's writes.
 */
public interface EvaluationStore {

    int shards();

    /** Every entry of one shard due at or before {@code now}, earliest first (catches up after missed runs). */
    List<DueItem> due(int shard, Instant now);

    /** Strongly consistent reads, with each record's armed timer. */
    Map<String, StoredRecord> load(Collection<String> customerIds);

    /**
     * Eventually consistent reads (half the cost): a stale record can only lose its conditional
     * write or look up to date, and the evaluator reads again with {@link #load} in both cases.
     */
    default Map<String, StoredRecord> loadEventually(Collection<String> customerIds) {
        return load(customerIds);
    }

    /**
     * In one transaction, only if the stored version is still {@code previous.version()}: writes the
     * record, arms its timer at {@code dueAt} (or disarms it when empty), and adds each new action to
     * the outbox unless an action with its idempotency key is already there. New actions are held for
     * this run until {@code leaseUntil}; after that any run may publish them.
     */
    SaveResult save(StoredRecord previous, EngagementRecord next, Optional<Instant> dueAt,
                    List<ActionRequest> newActions, Instant now, Instant leaseUntil);
}
