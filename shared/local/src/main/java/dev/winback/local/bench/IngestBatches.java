package dev.winback.local.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts events in time order into the batches the ingest function is handed. Live: as the SQS
 * poller does for traffic arriving as it happens: a batch opens with its first event and closes
 * when the batching window of event time has passed since, or when it is full. Replay: full
 * batches back to back, as a backlog drained at once would give (the bench's old mode, which
 * coalesces hours of one customer's events into one write).
 */
final class IngestBatches {

    /** Events {@code from} (inclusive) to {@code to} (exclusive) of the time-ordered list. */
    record Slice(int from, int to) {
        int size() {
            return to - from;
        }
    }

    private IngestBatches() {
    }

    /** @param times the events' occurredAt, in order; {@code window} zero cuts by size only */
    static List<Slice> live(List<Instant> times, Duration window, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("a batch holds at least one event");
        List<Slice> slices = new ArrayList<>();
        int from = 0;
        while (from < times.size()) {
            Instant closes = times.get(from).plus(window);
            int to = from + 1;
            while (to < times.size() && to - from < batchSize && times.get(to).isBefore(closes)) to++;
            slices.add(new Slice(from, to));
            from = to;
        }
        return slices;
    }

    /**
     * For each batch, the latest earlier batch that holds one of its customers, or -1: the batch a
     * live replay waits for, as live traffic would have finished it seconds before this one was cut.
     */
    static int[] predecessors(List<String> customers, List<Slice> slices) {
        int[] predecessors = new int[slices.size()];
        Map<String, Integer> lastBatch = new HashMap<>();
        for (int b = 0; b < slices.size(); b++) {
            int latest = -1;
            for (int i = slices.get(b).from(); i < slices.get(b).to(); i++) {
                Integer previous = lastBatch.put(customers.get(i), b);
                if (previous != null && previous != b) latest = Math.max(latest, previous);
            }
            predecessors[b] = latest;
        }
        return predecessors;
    }

    static List<Slice> replay(int events, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("a batch holds at least one event");
        List<Slice> slices = new ArrayList<>();
        for (int from = 0; from < events; from += batchSize) slices.add(new Slice(from, Math.min(events, from + batchSize)));
        return slices;
    }
}
