package dev.winback.local.bench;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.dynamodb.BatchWrites;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.ingest.EventOutcome;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.segment.MemberPage;
import dev.winback.core.segmentstore.ManageSegments;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.dynamodb.EmbeddedDynamoDb;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What segments cost, and that reading one follows its members, not the customers: a table of
 * {@code customers} records (bulk-loaded), {@code percent}% of them premium members and a fifth as
 * many gold members. Through the real ingest path the members cancel (each write enters a segment:
 * a transaction with the member item and counters) and as many others start a session (no segment
 * changes: the plain conditional write). Then each segment is read as the API reads it (count by day
 * and a sample) and paged through in pages of 100, against one Scan of the whole table. Units as
 * DynamoDB Local reports them and as DynamoDB bills them ({@link BillingMeter}).
 */
public final class SegmentsBench {

    record Options(int customers, double percent) { }

    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    /**
     * The most paging through a segment may cost: one eventually consistent Query of each shard
     * (0.5 RRU at least) and, for the members, twice what their ~40-byte items would cost packed
     * into 4 KB reads (0.5 RRU each).
     */
    static double pagingBound(int members) {
        return Keys.SEGMENT_SHARDS * 0.5 + members * 2 * 0.5 * 40 / 4096;
    }
    private static final int PAGE = 100;
    private static final int WRITES_PER_CALL = 500;

    private SegmentsBench() {
    }

    public static int run(Options options, Path template, PrintStream out) {
        int members = (int) Math.round(options.customers() * options.percent() / 100);
        int small = Math.max(1, members / 5);
        out.printf(Locale.ROOT, "bench segments: %,d customers, premium-cancelled %,d members (%.2f%%), gold-cancelled %,d%n",
                options.customers(), members, options.percent(), small);
        BillingMeter billing = new BillingMeter();
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start(billing); AwsClients clients = new AwsClients(dynamoDb.client())) {
            Map<String, String> tables = TemplateTables.create(SamTemplate.read(template), clients.dynamoDb());
            WinbackConfig config = new WinbackConfig(tables.get("EngagementTable"), "winback-bench");
            VirtualClock clock = new VirtualClock(T0);
            EngagementTable table = new EngagementTable(config, clients, clock);
            ManageSegments manage = table.manageSegments();
            store(manage, "premium-cancelled", "premium");
            store(manage, "gold-cancelled", "gold");
            long seeding = System.nanoTime();
            seed(clients.dynamoDb(), table.tableName(), options.customers(), members, small);
            out.printf(Locale.ROOT, "  seeded %,d records in %.1f s%n", options.customers(), (System.nanoTime() - seeding) / 1e9);

            ExecutorService writers = WriterThreads.newPool();
            try {
                Ingestion ingestion = new Ingestion(table, clock, writers);
                clock.advance(Duration.ofMinutes(1));
                List<EngagementEvent> cancels = new ArrayList<>();
                List<EngagementEvent> sessions = new ArrayList<>();
                for (int i = 0; i < members + small; i++) {
                    cancels.add(event(id(i), "cancel", new EventPayload.MembershipChanged(i < members ? "premium" : "gold",
                            MembershipStatus.CANCELLED), clock.instant()));
                    sessions.add(event(id(members + small + i), "session", new EventPayload.SessionStarted(Platform.WEB),
                            clock.instant()));
                }
                Cost entering = measure(table, billing, () -> ingest(ingestion, cancels));
                Cost staying = measure(table, billing, () -> ingest(ingestion, sessions));

                LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                Cost[] shown = new Cost[2];
                Cost[] paged = new Cost[2];
                int[] listed = new int[2];
                String[] ids = {"premium-cancelled", "gold-cancelled"};
                for (int s = 0; s < 2; s++) {
                    String segment = ids[s];
                    long[] count = new long[1];
                    shown[s] = measure(table, billing, () -> {
                        count[0] = table.segmentMembers().count(segment, today.minusDays(29), today).members();
                        table.segmentMembers().page(segment, Optional.empty(), 10);
                        return (int) count[0];
                    });
                    int s2 = s;
                    paged[s] = measure(table, billing, () -> listed[s2] = all(table, segment));
                    if (count[0] != listed[s] || listed[s] != (s == 0 ? members : small)) {
                        out.printf(Locale.ROOT, "FAILED: %s counted %d and listed %d members, expected %d%n", segment,
                                count[0], listed[s], s == 0 ? members : small);
                        return 1;
                    }
                }
                Cost scan = measure(table, billing, () -> scan(clients.dynamoDb(), table.tableName()));

                out.printf(Locale.ROOT, "  enter a segment (%,d cancellations): %.3f WCU local, billed %s per write (%s)%n",
                        entering.things(), entering.localWrite() / entering.things(),
                        entering.billed().per(entering.things()).resultFields(""), entering.billed().per(entering.things()).operations());
                out.printf(Locale.ROOT, "  no segment change (%,d sessions): %.3f WCU local, billed %s per write%n",
                        staying.things(), staying.localWrite() / staying.things(), staying.billed().per(staying.things()).resultFields(""));
                for (int s = 0; s < 2; s++) {
                    out.printf(Locale.ROOT, "  %s: GET (count by day + sample) %.1f RCU local, billed %.1f RRU; all %,d members in"
                                    + " pages of %d: %.1f RCU local, billed %.1f RRU, %.4f RRU per member%n", ids[s],
                            shown[s].localRead(), shown[s].billed().readUnits(), listed[s], PAGE, paged[s].localRead(),
                            paged[s].billed().readUnits(), paged[s].billed().readUnits() / listed[s]);
                }
                out.printf(Locale.ROOT, "  a Scan of the whole table (%,d items): billed %.1f RRU%n",
                        scan.things(), scan.billed().readUnits());
                double perLarge = paged[0].billed().readUnits() / listed[0];
                double perSmall = paged[1].billed().readUnits() / listed[1];
                boolean proportional = paged[0].billed().readUnits() <= pagingBound(listed[0])
                        && paged[1].billed().readUnits() <= pagingBound(listed[1])
                        && paged[0].billed().readUnits() < scan.billed().readUnits() / 10;
                out.printf(Locale.ROOT, "  bound for paging (16 shard Queries + members): %.1f and %.1f RRU%n",
                        pagingBound(listed[0]), pagingBound(listed[1]));
                out.printf(Locale.ROOT, "RESULT segments customers=%d members=%d small_members=%d page_rru=%.2f"
                                + " page_rru_per_member=%.4f small_page_rru=%.2f small_page_rru_per_member=%.4f get_rru=%.2f"
                                + " local_page_rcu=%.2f scan_rru=%.1f %s enter_local_wcu=%.3f"
                                + " %s stay_local_wcu=%.3f proportional=%s%n",
                        options.customers(), listed[0], listed[1], paged[0].billed().readUnits(), perLarge,
                        paged[1].billed().readUnits(), perSmall, shown[0].billed().readUnits(), paged[0].localRead(),
                        scan.billed().readUnits(),
                        entering.billed().per(entering.things()).resultFields("_enter"), entering.localWrite() / entering.things(),
                        staying.billed().per(staying.things()).resultFields("_stay"), staying.localWrite() / staying.things(),
                        proportional);
                return proportional ? 0 : 1;
            } finally {
                writers.shutdown();
            }
        }
    }

    /** What one step cost: how many things it did, DynamoDB Local's units and the billed ones. */
    private record Cost(int things, double localRead, double localWrite, BillingMeter.Totals billed) { }

    private static Cost measure(EngagementTable table, BillingMeter billing, Supplier<Integer> step) {
        table.meter().reset();
        BillingMeter.Totals before = billing.totals();
        int things = step.get();
        return new Cost(things, table.meter().readUnits(), table.meter().writeUnits(), billing.totals().minus(before));
    }

    private static int ingest(Ingestion ingestion, List<EngagementEvent> events) {
        for (int from = 0; from < events.size(); from += 100) {
            List<EventOutcome> outcomes = ingestion.events().ingest(events.subList(from, Math.min(events.size(), from + 100)));
            if (outcomes.stream().anyMatch(o -> o != EventOutcome.APPLIED)) {
                throw new IllegalStateException("an event was not applied: " + outcomes);
            }
        }
        return events.size();
    }

    private static int all(EngagementTable table, String segment) {
        int n = 0;
        Optional<String> after = Optional.empty();
        do {
            MemberPage page = table.segmentMembers().page(segment, after, PAGE);
            n += page.customerIds().size();
            after = page.next();
        } while (after.isPresent());
        return n;
    }

    /** The baseline: what finding the members without membership items would read. */
    private static int scan(DynamoDbClient dynamoDb, String tableName) {
        int items = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamoDb.scan(b -> b.tableName(tableName).exclusiveStartKey(from)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            items += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static void store(ManageSegments manage, String id, String tier) {
        String text = "{\"id\": \"" + id + "\", \"name\": \"" + tier + " members who cancelled\", \"conditions\": ["
                + "{\"type\": \"membership\", \"tiers\": [\"" + tier + "\"], \"statuses\": [\"cancelled\"]}]}";
        if (!(manage.put(id, text) instanceof ManageSegments.Stored.Activated)) throw new IllegalStateException(id);
    }

    /** Every customer visited the web once; the first {@code members + small} are premium, then gold, members. */
    private static void seed(DynamoDbClient dynamoDb, String tableName, int customers, int members, int small) {
        List<WriteRequest> writes = new ArrayList<>();
        Instant at = T0.minus(Duration.ofDays(20));
        for (int i = 0; i < customers; i++) {
            String id = id(i);
            List<EngagementEvent> events = new ArrayList<>();
            events.add(event(id, "visit", new EventPayload.SessionStarted(Platform.WEB), at));
            if (i < members + small) {
                events.add(event(id, "join", new EventPayload.MembershipChanged(i < members ? "premium" : "gold",
                        MembershipStatus.STARTED), at));
            }
            EngagementRecord record = RecordUpdate.apply(EngagementRecord.empty(id), events, Map.of()).record();
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(DynamoDbEngagementStore.recordItem(record, 1, Optional.empty())).build()).build());
            if (writes.size() >= WRITES_PER_CALL) {
                BatchWrites.writeAll(dynamoDb, tableName, writes);
                writes.clear();
            }
        }
        BatchWrites.writeAll(dynamoDb, tableName, writes);
    }

    private static String id(int i) {
        return String.format("s-%07d", i);
    }

    private static EngagementEvent event(String customerId, String kind, EventPayload payload, Instant at) {
        return new EngagementEvent(customerId + "-" + kind, customerId, at, Optional.empty(), payload, at);
    }
}
