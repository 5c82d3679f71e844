package dev.winback.core.preferences;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.record.EngagementStore;

import java.time.Clock;
import java.util.Optional;

/** Shows a customer's choices as the preference centre offers them; none for a customer not stored. */
public final class ShowPreferences {

    private final EngagementStore store;
    private final DeliveryPolicy policy;
    private final Clock clock;

    public ShowPreferences(EngagementStore store, DeliveryPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    public Optional<PreferenceView> of(String customerId) {
        return store.read(customerId)
                .map(stored -> PreferenceView.of(stored.record(), policy, clock.instant()));
    }
}
