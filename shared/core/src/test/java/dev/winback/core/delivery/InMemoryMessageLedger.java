package dev.winback.core.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ledger port in memory, with the same conditional-write semantics as the DynamoDB adapter. */
public final class InMemoryMessageLedger implements MessageLedger {

    private final Map<MessageKey, LedgerEntry> entries = new HashMap<>();
    private int conflictsToInject;

    @Override
    public synchronized Optional<LedgerEntry> find(MessageKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized Optional<LedgerEntry> store(LedgerEntry next) {
        if (conflictsToInject > 0) {
            conflictsToInject--;
            return Optional.empty();
        }
        LedgerEntry current = entries.get(next.key());
        long version = current == null ? 0 : current.version();
        if (version != next.version()) return Optional.empty();
        LedgerEntry stored = next.withVersion(version + 1);
        entries.put(next.key(), stored);
        return Optional.of(stored);
    }

    @Override
    public int shards() {
        return 1;
    }

    @Override
    public synchronized List<MessageKey> due(int shard, Instant now) {
        return entries.values().stream().filter(e -> e.timer().isPresent() && !e.timer().get().isAfter(now))
                .sorted(Comparator.comparing(e -> e.timer().get())).map(LedgerEntry::key).toList();
    }

    @Override
    public synchronized List<LedgerEntry> recent(String customerId, int limit) {
        return entries.values().stream().filter(e -> e.key().customerId().equals(customerId))
                .sorted(Comparator.comparing(LedgerEntry::createdAt).reversed()).limit(limit).toList();
    }

    public synchronized List<LedgerEntry> all() {
        return new ArrayList<>(entries.values());
    }

    /** The next {@code count} writes lose a race, as if another writer got there first. */
    public synchronized void injectConflicts(int count) {
        conflictsToInject = count;
    }
}
