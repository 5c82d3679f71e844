package dev.winback.core.evaluation;

import java.util.Set;

/** How a conditional evaluation write ended. */
public sealed interface SaveResult {

    /** Written, with every new action in the outbox. */
    record Saved() implements SaveResult { }

    /** The record changed since it was read: read it again. Nothing was written. */
    record VersionConflict() implements SaveResult { }

    /** Some actions were already in the outbox (requested earlier): drop them and write again. Nothing was written. */
    record ActionsExist(Set<String> idempotencyKeys) implements SaveResult {
        public ActionsExist {
            idempotencyKeys = Set.copyOf(idempotencyKeys);
        }
    }
}
