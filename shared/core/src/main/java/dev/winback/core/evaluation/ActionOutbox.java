package dev.winback.core.evaluation;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Action items of the former transactional outbox, one item per action, each waiting in the due-time
 * index until published. New actions live in their record ({@link EvaluationStore#save}); this only
 * publishes the items written before that change, until none is left.
 */
public interface ActionOutbox {

    /** For a store that never held outbox items. */
    ActionOutbox NONE = new ActionOutbox() {
        @Override
        public Optional<PendingAction> claim(DueItem.Action due, Instant now, Instant leaseUntil) {
            return Optional.empty();
        }

        @Override
        public void published(PendingAction action, Instant now) {
        }

        @Override
        public void retryLater(PendingAction action, Set<Destination> done) {
        }
    };

    /**
     * Takes a due action for this run until {@code leaseUntil}, if it is still due (another run may
     * have taken or published it since the index was read).
     */
    Optional<PendingAction> claim(DueItem.Action due, Instant now, Instant leaseUntil);

    /** Published to every destination: leaves the index (the item expires with its TTL). */
    void published(PendingAction action, Instant now);

    /** Some destinations failed: remembers those done; the lease expiring makes it due again. */
    void retryLater(PendingAction action, Set<Destination> done);
}
