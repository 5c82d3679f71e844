package dev.winback.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The permanent send ledger. Every write is conditional, which is what makes sends exactly-once:
 * an entry is created only if none exists for its key, and replaced only if the stored version is
 * still the one read. Implementations throw only for infrastructure failures.
 */
public interface MessageLedger {

    /** A strongly consistent read. */
    Optional<LedgerEntry> find(MessageKey key);

    /**
     * Writes {@code next}: creates it when {@code next.version()} is 0 and no entry exists for its key,
     * otherwise replaces the stored entry if its version is still {@code next.version()}. Arms or
     * disarms the entry's timer to match {@code next.timer()}.
     *
     * @return the entry as stored (with its new version), or empty when another writer got there first
     */
    Optional<LedgerEntry> store(LedgerEntry next);

    /** The durable timers are spread over this many shards. */
    int shards();

    /** Keys of entries whose timer is due by {@code now} in one shard, earliest first. */
    List<MessageKey> due(int shard, Instant now);

    /** A customer's messages, newest first, at most {@code limit}. */
    List<LedgerEntry> recent(String customerId, int limit);
}
