package dev.winback.local.bench;

import dev.winback.core.event.EngagementEvent;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the batches hold: events and distinct customers per batch. A batch writes each of its
 * customers' records once, so customer-batches per event is the record writes per event before
 * any write is refused and retried.
 */
record BatchShape(int batches, long events, long customerBatches, int p50Events, int maxEvents) {

    static BatchShape of(List<EngagementEvent> events, List<IngestBatches.Slice> slices) {
        long customerBatches = 0;
        int[] sizes = new int[slices.size()];
        for (int b = 0; b < slices.size(); b++) {
            IngestBatches.Slice slice = slices.get(b);
            Set<String> customers = new HashSet<>();
            for (int i = slice.from(); i < slice.to(); i++) customers.add(events.get(i).customerId());
            customerBatches += customers.size();
            sizes[b] = slice.size();
        }
        Arrays.sort(sizes);
        return new BatchShape(slices.size(), events.size(), customerBatches,
                sizes.length == 0 ? 0 : sizes[(sizes.length - 1) / 2], sizes.length == 0 ? 0 : sizes[sizes.length - 1]);
    }

    double eventsPerBatch() {
        return events / (double) Math.max(1, batches);
    }

    double customersPerBatch() {
        return customerBatches / (double) Math.max(1, batches);
    }

    double customerBatchesPerEvent() {
        return customerBatches / (double) Math.max(1, events);
    }
}
