package dev.winback.core.delivery;

import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * Writes each of {@code nexts} as {@link #store} would, each under its own condition (not as one
     * transaction: one refused changes nothing for the others); a ledger may make them in fewer
     * requests. By default, one {@link #store} after another.
     *
     * @return what each write came to, in the order given
     */
    default List<LedgerWrite> storeAll(List<LedgerEntry> nexts) {
        List<LedgerWrite> writes = new ArrayList<>(nexts.size());
        for (LedgerEntry next : nexts) {
            try {
                writes.add(store(next).<LedgerWrite>map(LedgerWrite.Stored::new).orElseGet(LedgerWrite.Refused::new));
            } catch (RuntimeException e) {
                writes.add(new LedgerWrite.Failed(e));
            }
        }
        return writes;
    }

    /** The durable timers are spread over this many shards. */
    int shards();

    /** Keys of entries whose timer is due by {@code now} in one shard, earliest first. */
    List<MessageKey> due(int shard, Instant now);

    /** A customer's messages, newest first, at most {@code limit}. */
    List<LedgerEntry> recent(String customerId, int limit);
}
