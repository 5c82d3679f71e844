package dev.winback.core.journey;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each customer's journeys live: one item per customer, with its own timer in the due index
 * (shards of their own, so journey timers never crowd the evaluator's). Implementations throw only
 * for infrastructure failures.
 */
public interface JourneyStore {

    int shards();

    /** Customers whose journey timer fell due at or before {@code now}, earliest first. */
    List<String> due(int shard, Instant now);

    /** Strongly consistent; {@link StoredJourneys#absent} when the customer has none. */
    StoredJourneys load(String customerId);

    /**
     * As {@link #load}, for several customers at once (a store that can read many items in one
     * request does so); every customer asked for is in the answer.
     */
    default Map<String, StoredJourneys> load(Collection<String> customerIds) {
        Map<String, StoredJourneys> loaded = new HashMap<>();
        for (String customerId : customerIds) loaded.put(customerId, load(customerId));
        return loaded;
    }

    /**
     * Writes the state only if the stored version is still {@code previous.version()}, and arms the
     * timer at {@code dueAt} in the same write (disarms it when empty).
     *
     * @return false when someone else wrote first
     */
    boolean save(StoredJourneys previous, CustomerJourneys next, Optional<Instant> dueAt);
}
