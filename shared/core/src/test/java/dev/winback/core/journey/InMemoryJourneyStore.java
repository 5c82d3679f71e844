package dev.winback.core.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journeys in memory, with conditional writes and a single-shard due index, counting its calls. */
final class InMemoryJourneyStore implements JourneyStore {

    private final Map<String, StoredJourneys> items = new HashMap<>();
    int loads;
    /** Reads of several customers at once, and how many customers they held. */
    int batchLoads;
    int batchLoaded;
    int saves;

    @Override
    public int shards() {
        return 1;
    }

    @Override
    public synchronized List<String> due(int shard, Instant now) {
        List<StoredJourneys> due = new ArrayList<>();
        for (StoredJourneys stored : items.values()) {
            if (stored.armed().filter(at -> !at.isAfter(now)).isPresent()) due.add(stored);
        }
        due.sort(Comparator.comparing(s -> s.armed().orElseThrow()));
        return due.stream().map(s -> s.journeys().customerId()).toList();
    }

    @Override
    public synchronized StoredJourneys load(String customerId) {
        loads++;
        return items.getOrDefault(customerId, StoredJourneys.absent(customerId));
    }

    @Override
    public synchronized Map<String, StoredJourneys> load(Collection<String> customerIds) {
        batchLoads++;
        batchLoaded += customerIds.size();
        Map<String, StoredJourneys> out = new HashMap<>();
        for (String id : customerIds) out.put(id, items.getOrDefault(id, StoredJourneys.absent(id)));
        return out;
    }

    @Override
    public synchronized boolean save(StoredJourneys previous, CustomerJourneys next, Optional<Instant> dueAt) {
        String id = next.customerId();
        long current = items.containsKey(id) ? items.get(id).version() : 0;
        if (current != previous.version()) return false;
        items.put(id, new StoredJourneys(next, current + 1, dueAt));
        saves++;
        return true;
    }

    synchronized StoredJourneys get(String customerId) {
        return items.get(customerId);
    }
}
