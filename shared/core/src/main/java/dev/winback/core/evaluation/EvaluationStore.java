package dev.winback.core.evaluation;

import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the evaluator finds what fell due and writes what it concluded. The due-time index is split
 * into {@link #shards()} partitions so that no single one takes every timer's writes.
 *
 * <p>Actions to publish live in the record item ({@link DueRecord#pending()}), written by the same
 * conditional write as the evaluation: no transaction, no item of their own. While they are pending
 * the record's timer stays due (ingestion cannot move it past the hold), so a run that dies before
 * publishing leaves them to the next run; {@link #settle} clears them once published.
 */
public interface EvaluationStore {

    int shards();

    /** At most {@code limit} entries of one shard due at or before {@code now}, earliest first. */
    List<DueItem> due(int shard, Instant now, int limit);

    /** Every entry of one shard due at or before {@code now}, earliest first (catches up after missed runs). */
    default List<DueItem> due(int shard, Instant now) {
        return due(shard, now, Integer.MAX_VALUE);
    }

    /** Strongly consistent reads, with each record's armed timer and pending actions. */
    Map<String, DueRecord> load(Collection<String> customerIds);

    /**
     * Eventually consistent reads (half the cost): a stale record can only lose its conditional
     * write or look up to date, and the evaluator reads again with {@link #load} in both cases.
     */
    default Map<String, DueRecord> loadEventually(Collection<String> customerIds) {
        return load(customerIds);
    }

    /**
     * One conditional write, only if the stored version is still {@code previous}'s. With nothing to
     * publish: writes the record and arms its timer at {@code dueAt} (or disarms it when empty). With
     * actions: writes the record with them, held by this run until {@code leaseUntil}, and leaves the
     * timer due; {@link #settle} arms it once they are published.
     */
    SaveResult save(DueRecord previous, EngagementRecord next, Optional<Instant> dueAt, List<PendingAction> toPublish,
                    Instant leaseUntil);

    /**
     * After publishing what {@link #save} held until {@code leaseUntil} in version {@code written}:
     * with nothing left, clears the actions and arms the timer at {@code dueAt} if the record is still
     * at {@code written} (else clears them and leaves the timer due, so the next run looks again);
     * with some left, keeps those (with the destinations they reached) for a run after the lease.
     * Does nothing when another run took the actions over since.
     */
    void settle(String customerId, long written, Instant leaseUntil, Optional<Instant> dueAt, List<PendingAction> left);
}
