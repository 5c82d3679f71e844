package dev.winback.core.evaluation;

import dev.winback.core.record.StoredRecord;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record as the evaluator reads it: the stored record and the actions it requested but has not yet
 * published everywhere, held in the record item until a run settles them.
 *
 * @param pending      the actions written with the last evaluation and not yet published to every destination
 * @param pendingUntil while pending, until when the run that wrote them holds them; after that any run publishes them
 */
public record DueRecord(StoredRecord stored, List<PendingAction> pending, Optional<Instant> pendingUntil) {

    public DueRecord {
        Objects.requireNonNull(stored, "stored");
        pending = List.copyOf(pending);
        Objects.requireNonNull(pendingUntil, "pendingUntil");
    }

    /** A record with nothing pending. */
    public static DueRecord of(StoredRecord stored) {
        return new DueRecord(stored, List.of(), Optional.empty());
    }

    /** Another run wrote these actions and may still be publishing them. */
    public boolean heldAt(Instant now) {
        return !pending.isEmpty() && pendingUntil.map(until -> until.isAfter(now)).orElse(false);
    }
}
