package dev.winback.core.evaluation;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Actions requested but not yet published everywhere. Each waits in the due-time index until it is
 * published, so a run that fails to publish, or never gets to, leaves it to the next run.
 */
public interface ActionOutbox {

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
