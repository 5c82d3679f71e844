package dev.winback.core.preferences;

import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.StoredRecord;

import java.util.List;
import java.util.Optional;

/**
 * A customer's stored record for the preference centre: none for a customer never stored or
 * erased, so an old link cannot bring back a customer who was erased.
 */
final class StoredChoices {

    private StoredChoices() {
    }

    static Optional<StoredRecord> of(EngagementStore store, String customerId) {
        StoredRecord stored = store.load(List.of(customerId)).get(customerId);
        return stored == null || stored.erased() || stored.version() == 0 ? Optional.empty() : Optional.of(stored);
    }
}
