package dev.winback.local.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a demo run did and what ended up stored.
 *
 * @param fed               SQS messages handed to the ingest handler
 * @param itemFailures      messages the handler reported back as batch item failures
 * @param failedInvocations batches whose invocation threw (every message in them counts as rejected)
 * @param rejected          messages not accepted: item failures plus the messages of failed invocations
 * @param unreadable        events the demo could not read a customerId / occurredAt from (still fed)
 * @param readBackErrors    customers the API did not return with 200, by status
 */
public record DemoSummary(
        long fed,
        long itemFailures,
        long failedInvocations,
        long rejected,
        long unreadable,
        Duration elapsed,
        Instant clockStart,
        Instant clockEnd,
        long scheduledRuns,
        long customers,
        Map<String, Long> platformMix,
        Map<String, Long> purchaseBuckets,
        Map<String, Map<String, Long>> subscriptions,
        Map<Integer, Long> readBackErrors) {

    private static final List<String> BUCKET_ORDER = List.of("0", "1", "2-3", "4-9", "10+");

    public long accepted() {
        return fed - rejected;
    }

    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : fed / seconds;
    }

    public void print(PrintStream out) {
        out.println();
        out.println("Winback local demo");
        row(out, "events fed", fed);
        row(out, "accepted", accepted());
        out.printf(Locale.ROOT, "  %-24s %,12d  (%,d batch item failures, %,d failed invocations)%n",
                "rejected", rejected, itemFailures, failedInvocations);
        if (unreadable > 0) {
            row(out, "unreadable by the demo", unreadable);
        }
        out.printf(Locale.ROOT, "  %-24s %12.1f s  (%,.0f events/s)%n", "elapsed", elapsed.toNanos() / 1e9,
                eventsPerSecond());
        out.printf(Locale.ROOT, "  %-24s %s -> %s%n", "virtual clock", clockStart, clockEnd);
        row(out, "scheduled runs", scheduledRuns);
        out.println();
        out.printf(Locale.ROOT, "Stored records (read back through GET /v1/customers/{customerId}): %,d customers%n",
                customers);
        if (!readBackErrors.isEmpty()) {
            out.println("  not returned: " + readBackErrors + " (HTTP status -> customers)");
        }
        section(out, "platform mix", platformMix, customers);
        Map<String, Long> buckets = new TreeMap<>((a, b) -> Integer.compare(bucketRank(a), bucketRank(b)));
        buckets.putAll(purchaseBuckets);
        section(out, "purchases per customer", buckets, customers);
        out.println("  channel subscriptions");
        if (subscriptions.isEmpty()) {
            out.println("    (no channel states stored)");
        }
        subscriptions.forEach((channel, states) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-10s", channel));
            states.forEach((state, count) -> line.append(String.format(Locale.ROOT, "  %s %,d", state, count)));
            out.println(line);
        });
    }

    private static int bucketRank(String bucket) {
        int rank = BUCKET_ORDER.indexOf(bucket);
        return rank < 0 ? BUCKET_ORDER.size() : rank;
    }

    private static void row(PrintStream out, String label, long value) {
        out.printf(Locale.ROOT, "  %-24s %,12d%n", label, value);
    }

    private static void section(PrintStream out, String title, Map<String, Long> counts, long total) {
        out.println("  " + title);
        counts.forEach((key, count) -> out.printf(Locale.ROOT, "    %-20s %,10d  %5.1f%%%n", key, count,
                total == 0 ? 0 : 100.0 * count / total));
    }
}
