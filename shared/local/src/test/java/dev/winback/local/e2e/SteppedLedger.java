package dev.winback.local.e2e;

import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.delivery.MessageLedger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The table's ledger with test steps in between its writes: something to do right before a claim is
 * written (a consent withdrawal landing between the record read and the claim), and a worker that
 * dies right after its provider answered (the write of the answer fails, the claim stays).
 */
final class SteppedLedger implements MessageLedger {

    private final MessageLedger ledger;
    private volatile Consumer<LedgerEntry> beforeClaim = entry -> { };
    private final Set<String> dieAfterSending = ConcurrentHashMap.newKeySet();

    SteppedLedger(MessageLedger ledger) {
        this.ledger = ledger;
    }

    /** Runs {@code step} right before each claim is written. */
    SteppedLedger beforeClaim(Consumer<LedgerEntry> step) {
        this.beforeClaim = step;
        return this;
    }

    /** The next answer written for this customer's message fails, as if the worker died after the send. */
    void dieAfterSending(String customerId) {
        dieAfterSending.add(customerId);
    }

    @Override
    public Optional<LedgerEntry> find(MessageKey key) {
        return ledger.find(key);
    }

    @Override
    public Optional<LedgerEntry> store(LedgerEntry next) {
        if (next.status() == LedgerStatus.CLAIMED) {
            beforeClaim.accept(next);
        } else if (next.version() > 0 && dieAfterSending.remove(next.key().customerId())) {
            throw new IllegalStateException("injected: the worker died before writing the provider's answer");
        }
        return ledger.store(next);
    }

    @Override
    public int shards() {
        return ledger.shards();
    }

    @Override
    public List<MessageKey> due(int shard, Instant now) {
        return ledger.due(shard, now);
    }

    @Override
    public List<LedgerEntry> recent(String customerId, int limit) {
        return ledger.recent(customerId, limit);
    }
}
