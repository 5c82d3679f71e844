package dev.winback.core.evaluation;

import java.util.Objects;

/** One entry of the due-time index that fell due: a record to evaluate, or an action still to publish. */
public sealed interface DueItem {

    String customerId();

    record Record(String customerId) implements DueItem {
        public Record {
            Objects.requireNonNull(customerId, "customerId");
        }
    }

    record Action(String customerId, String idempotencyKey) implements DueItem {
        public Action {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }
}
