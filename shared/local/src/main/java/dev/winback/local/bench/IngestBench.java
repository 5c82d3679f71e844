package dev.winback.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.functions.ingest.IngestEventsComposition;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.event.EngagementEvent;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.local.cli.UsageException;
import dev.winback.local.demo.SyntheticConfig;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.demo.SyntheticCustomerBase;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import dev.winback.local.runtime.lambda.SqsEvents;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Ingestion throughput and cost: the demo mix through the real SQS handler into DynamoDB Local,
 * next to a baseline measured in the same run on the same events — one bare UpdateItem per event,
 * no parsing, no dedupe, no record. Batches are cut as live traffic would be ({@link IngestBatches}:
 * the template's batching window of event time, at most its batch size), or back to back at the
 * batch size (replay, a drained backlog). Workers play Lambda instances taking batches off the queue
 * in time order, each with a table of its own (what an instance keeps: the records it wrote last) and
 * applying its batch's customers on the {@link WriterThreads#COUNT} writer threads they share;
 * the baseline runs as many threads as Winback has writers in all. Units as DynamoDB Local reports
 * them and as DynamoDB bills them ({@link BillingMeter}), with the requests counted by operation.
 */
public final class IngestBench {

    enum Mode { LIVE, REPLAY }

    /** @param batchSize at most this many events per batch; 0 for the template's BatchSize */
    record Options(Mode mode, int customers, int days, int batchSize, int workers, long seed) {
    }

    record Figures(long events, double seconds, double writeUnits, double readUnits) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private IngestBench() {
    }

    /**
     * Live batches hold about one customer each, so it takes as many workers as writer threads to
     * keep the writers busy; replayed batches of thousands keep them busy from two workers.
     */
    static int defaultWorkers(Mode mode) {
        return mode == Mode.LIVE ? WriterThreads.COUNT : 2;
    }

    /** {@code live} or {@code replay}, as given on the command line. */
    static Mode mode(String name) {
        return switch (name) {
            case "live" -> Mode.LIVE;
            case "replay" -> Mode.REPLAY;
            default -> throw new UsageException("ingest: --mode must be live or replay, got \"" + name + "\"");
        };
    }

    public static int run(Options options, Path template, PrintStream out) {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticConfig.defaults()
                .withCustomers(options.customers()).withDays(options.days()).withSeed(options.seed()));
        List<EngagementEvent> events = base.events().toList();
        EventJsonWriter writer = new EventJsonWriter();
        List<String> bodies = events.stream().map(writer::toJson).toList();
        IngestEventSource source = IngestEventSource.of(SamTemplate.read(template));
        int batchSize = options.batchSize() > 0 ? options.batchSize() : source.batchSize();
        // Every worker hands its batch's customers to the one pool of writer threads: Winback never has
        // more than WriterThreads.COUNT record writes in flight, and the baseline gets as many threads.
        int concurrency = WriterThreads.COUNT;
        out.printf("bench ingest (%s): %,d events over %,d customers (%d days, seed %d); batches of at most %d%s;"
                        + " %d workers sharing %d writer threads, baseline %d threads%n",
                options.mode().name().toLowerCase(Locale.ROOT), events.size(), options.customers(), options.days(),
                options.seed(), batchSize, options.mode() == Mode.LIVE ? " within " + source.window().toSeconds()
                        + " s of event time" : "", options.workers(), WriterThreads.COUNT, concurrency);

        BillingMeter billing = new BillingMeter();
        RequestCounts requests = new RequestCounts(billing);
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(); DynamoDbClient metered = MeteredDynamoDb.overHttp(requests);
             AwsClients clients = new AwsClients(metered)) {
            Map<String, String> tables = TemplateTables.create(SamTemplate.read(template), clients.dynamoDb());
            WinbackConfig config = new WinbackConfig(tables.get("EngagementTable"), "winback-bench");
            // Ingestion arms evaluation timers from the clock: it follows the events, as in production
            // where events arrive soon after they happen.
            VirtualClock clock = new VirtualClock(events.getFirst().occurredAt());
            ExecutorService writers = WriterThreads.newPool();
            List<EngagementTable> instances = new ArrayList<>();
            List<IngestEventsHandler> handlers = new ArrayList<>();
            // The definitions read on a timer are as fresh as in a deployment, by the time that passes:
            // the clock moves through a day of events in seconds, and would have them read at every batch.
            EngagementTable first = new EngagementTable(config, clients, clock, ElapsedTime.SYSTEM);
            for (int w = 0; w < options.workers(); w++) {
                EngagementTable table = w == 0 ? first : first.asAnotherInstance();
                instances.add(table);
                handlers.add(new IngestEventsHandler(new IngestEventsComposition(new Ingestion(table, clock, writers))));
            }
            String baselineTable = createBaselineTable(clients.dynamoDb());

            // Warm both paths (JIT, connections) on a slice that the measured runs do not see.
            int warm = Math.min(2_000, events.size() / 10);
            List<EngagementEvent> warmEvents = events.subList(0, warm);
            feed(handlers, bodies.subList(0, warm), warmEvents, batches(options, source, batchSize, warmEvents),
                    options, clock);
            baseline(clients.dynamoDb(), baselineTable, warmEvents, concurrency);
            instances.forEach(table -> table.meter().reset());

            List<String> measuredBodies = bodies.subList(warm, bodies.size());
            List<EngagementEvent> measuredEvents = events.subList(warm, events.size());
            List<IngestBatches.Slice> measuredBatches = batches(options, source, batchSize, measuredEvents);
            BatchShape shape = BatchShape.of(measuredEvents, measuredBatches);
            out.printf(Locale.ROOT, "  batches   %,d of %.2f events (p50 %d, max %d) and %.2f customers on average:"
                            + " %.3f customer-batches per event, the record writes if no write is refused%n",
                    measuredBatches.size(), shape.eventsPerBatch(), shape.p50Events(), shape.maxEvents(),
                    shape.customersPerBatch(), shape.customerBatchesPerEvent());
            BillingMeter.Totals beforeOurs = billing.totals();
            Map<String, Long> countsBefore = requests.snapshot();
            long[] writtenBefore = fromWritten(instances);
            long started = System.nanoTime();
            int failures = feed(handlers, measuredBodies, measuredEvents, measuredBatches, options, clock);
            double ourSeconds = (System.nanoTime() - started) / 1e9;
            BillingMeter.Totals billedOurs = billing.totals().minus(beforeOurs).per(measuredBodies.size());
            Map<String, Long> ourCounts = RequestCounts.minus(requests.snapshot(), countsBefore);
            long[] writtenAfter = fromWritten(instances);
            double servedPerEvent = (writtenAfter[0] - writtenBefore[0]) / (double) measuredBodies.size();
            double servedRefusedPerEvent = (writtenAfter[1] - writtenBefore[1]) / (double) measuredBodies.size();
            Figures ours = new Figures(measuredBodies.size(), ourSeconds,
                    instances.stream().mapToDouble(table -> table.meter().writeUnits()).sum(),
                    instances.stream().mapToDouble(table -> table.meter().readUnits()).sum());

            DoubleAdder baselineUnits = new DoubleAdder();
            BillingMeter.Totals beforeBaseline = billing.totals();
            started = System.nanoTime();
            baselineUnits.add(baseline(clients.dynamoDb(), baselineTable, measuredEvents, concurrency));
            double baseSeconds = (System.nanoTime() - started) / 1e9;
            BillingMeter.Totals billedBaseline = billing.totals().minus(beforeBaseline).per(measuredEvents.size());
            Figures base0 = new Figures(measuredEvents.size(), baseSeconds, baselineUnits.sum(), 0);

            int[] sizes = recordSizes(clients.dynamoDb(), config.tableName());
            // A refused event is cheap: a bench whose events were refused would flatter Winback.
            long rejected = rejectedEvents(clients.dynamoDb(), config.tableName());
            int[] baseSizes = recordSizes(clients.dynamoDb(), baselineTable);
            double ratio = ours.eventsPerSecond() / base0.eventsPerSecond();
            long refusedWrites = ourCounts.getOrDefault("UpdateItem refused", 0L)
                    + ourCounts.getOrDefault("TransactWriteItems refused", 0L);
            out.printf("  winback   %,10.0f events/s  %.3f write units/event  %.3f read units/event  item p50 %,d B  p99 %,d B  (%d batch item failures)%n",
                    ours.eventsPerSecond(), ours.writeUnits() / ours.events(), ours.readUnits() / ours.events(),
                    percentile(sizes, 50), percentile(sizes, 99), failures);
            if (rejected > 0) out.printf("  %,d events were refused: the figures above are not ingestion's%n", rejected);
            out.printf("  baseline  %,10.0f events/s  %.3f write units/event  %.3f read units/event  item p50 %,d B  p99 %,d B%n",
                    base0.eventsPerSecond(), base0.writeUnits() / base0.events(), 0.0,
                    percentile(baseSizes, 50), percentile(baseSizes, 99));
            out.printf(Locale.ROOT, "  billed by DynamoDB's rules, per event: winback %.3f write units (%.3f of them index"
                            + " writes) + %.3f read units = %.3f WRU-eq, $%.2f per million events; baseline %.3f + %.3f"
                            + " = %.3f WRU-eq (%,d requests billed with an approximation)%n",
                    billedOurs.writeUnits(), billedOurs.indexWriteUnits(), billedOurs.readUnits(),
                    billedOurs.writeUnitEquivalents(), billedOurs.dollars() * 1e6, billedBaseline.writeUnits(),
                    billedBaseline.readUnits(), billedBaseline.writeUnitEquivalents(), billedOurs.approximated());
            out.printf(Locale.ROOT, "  billed WRU-eq per event by request: %s%n", billedOurs.operations());
            out.printf(Locale.ROOT, "  requests per event: %.3f (%s)%n",
                    RequestCounts.requests(ourCounts) / (double) ours.events(), RequestCounts.per(ourCounts, ours.events()));
            out.printf(Locale.ROOT, "  records started from the instance's last write instead of a read: %.3f per event,"
                    + " %.3f of them refused (another instance wrote since)%n", servedPerEvent, servedRefusedPerEvent);
            out.printf(Locale.ROOT, "RESULT ingest mode=%s events=%d rejected=%d customers=%d batches=%d events_per_batch=%.2f"
                            + " events_per_s=%.0f wcu_per_event=%.3f rcu_per_event=%.3f item_p50_bytes=%d item_p99_bytes=%d"
                            + " baseline_events_per_s=%.0f baseline_wcu_per_event=%.3f ratio=%.2f %s baseline_wru_eq=%.3f"
                            + " requests_per_event=%.3f refused_writes_per_event=%.4f written_served_per_event=%.3f"
                            + " written_refused_per_event=%.4f concurrency=%d%n",
                    options.mode().name().toLowerCase(Locale.ROOT), ours.events(), rejected, options.customers(),
                    measuredBatches.size(), shape.eventsPerBatch(), ours.eventsPerSecond(),
                    ours.writeUnits() / ours.events(), ours.readUnits() / ours.events(), percentile(sizes, 50),
                    percentile(sizes, 99), base0.eventsPerSecond(), base0.writeUnits() / base0.events(), ratio,
                    billedOurs.resultFields(""), billedBaseline.writeUnitEquivalents(),
                    RequestCounts.requests(ourCounts) / (double) ours.events(), refusedWrites / (double) ours.events(),
                    servedPerEvent, servedRefusedPerEvent, concurrency);
            return failures == 0 && rejected == 0 ? 0 : 1;
        }
    }

    private static List<IngestBatches.Slice> batches(Options options, IngestEventSource source, int batchSize,
                                                     List<EngagementEvent> events) {
        return switch (options.mode()) {
            case LIVE -> IngestBatches.live(events.stream().map(EngagementEvent::occurredAt).toList(), source.window(),
                    batchSize);
            case REPLAY -> IngestBatches.replay(events.size(), batchSize);
        };
    }

    /**
     * Workers take consecutive batches off a shared cursor, like Lambda instances polling one queue;
     * each worker is one instance (its own handler).
     * Live, a batch holding a customer of a batch still in flight waits for it: in live traffic the
     * two were cut a batching window apart, long after the first was written, so they never race.
     */
    private static int feed(List<IngestEventsHandler> handlers, List<String> bodies, List<EngagementEvent> events,
                            List<IngestBatches.Slice> batches, Options options, VirtualClock clock) {
        int[] predecessors = options.mode() == Mode.LIVE
                ? IngestBatches.predecessors(events.stream().map(EngagementEvent::customerId).toList(), batches)
                : new int[batches.size()];
        if (options.mode() != Mode.LIVE) Arrays.fill(predecessors, -1);
        List<CompletableFuture<Void>> finished = new ArrayList<>(batches.size());
        for (int b = 0; b < batches.size(); b++) finished.add(new CompletableFuture<>());
        AtomicInteger cursor = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger instances = new AtomicInteger();
        runWorkers(options.workers(), () -> {
            IngestEventsHandler handler = handlers.get(instances.getAndIncrement());
            int next;
            while ((next = cursor.getAndIncrement()) < batches.size()) {
                try {
                    if (predecessors[next] >= 0) finished.get(predecessors[next]).join();
                    IngestBatches.Slice slice = batches.get(next);
                    // The queue's SentTimestamp is each event's receipt: they arrive as the last of them happens.
                    clock.advanceTo(events.get(slice.to() - 1).occurredAt());
                    SQSEvent event = SqsEvents.batch(bodies.subList(slice.from(), slice.to()), clock.instant());
                    SQSBatchResponse response = handler.handleRequest(event, null);
                    failures.addAndGet(response.getBatchItemFailures().size());
                } finally {
                    finished.get(next).complete(null);
                }
            }
        });
        return failures.get();
    }

    /** Writes started from the instances' last written records, and of those the refused ones. */
    private static long[] fromWritten(List<EngagementTable> instances) {
        long served = 0;
        long refused = 0;
        for (EngagementTable table : instances) {
            served += table.store().written().served();
            refused += table.store().written().servedRefused();
        }
        return new long[] {served, refused};
    }

    private static double baseline(DynamoDbClient dynamoDb, String table, List<EngagementEvent> events, int threads) {
        AtomicInteger cursor = new AtomicInteger();
        DoubleAdder units = new DoubleAdder();
        runWorkers(threads, () -> {
            int i;
            while ((i = cursor.getAndIncrement()) < events.size()) {
                EngagementEvent e = events.get(i);
                var response = dynamoDb.updateItem(b -> b.tableName(table)
                        .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(e.customerId())),
                                Keys.SK, AttributeValue.fromS(Keys.RECORD_SK)))
                        .updateExpression("SET lastSeen = :at ADD events :one")
                        .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(e.occurredAt().toString()),
                                ":one", AttributeValue.fromN("1")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                units.add(response.consumedCapacity().capacityUnits());
            }
        });
        return units.sum();
    }

    private static void runWorkers(int workers, Runnable work) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) running.add(pool.submit(work));
            for (Future<?> f : running) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("a benchmark worker failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String createBaselineTable(DynamoDbClient dynamoDb) {
        String name = "bench-baseline";
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(Keys.PK).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(Keys.SK).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(Keys.PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(Keys.SK).keyType(KeyType.RANGE).build()));
        return name;
    }

    /** DynamoDB's item size: attribute names plus values. */
    /** Events kept as rejected (invalid, or dated after their receipt) in the run's table. */
    private static long rejectedEvents(DynamoDbClient dynamoDb, String table) {
        long count = 0;
        for (var page : dynamoDb.scanPaginator(b -> b.tableName(table).select(Select.COUNT)
                .filterExpression("begins_with(#pk, :rejected)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":rejected", AttributeValue.fromS(Keys.REJECTED_PREFIX))))) {
            count += page.count();
        }
        return count;
    }

    private static int[] recordSizes(DynamoDbClient dynamoDb, String table) {
        List<Integer> sizes = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
            if (!Keys.RECORD_SK.equals(item.get(Keys.SK).s())) return;
            int size = 0;
            for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
                size += a.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(a.getValue());
            }
            sizes.add(size);
        });
        int[] out = sizes.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private static int valueSize(AttributeValue v) {
        if (v.s() != null) return v.s().getBytes(StandardCharsets.UTF_8).length;
        if (v.n() != null) return (v.n().length() + 1) / 2 + 1;
        if (v.b() != null) return v.b().asByteArray().length;
        if (v.hasNs()) return v.ns().stream().mapToInt(n -> (n.length() + 1) / 2 + 1).sum();
        return 1;
    }

    private static int percentile(int[] sorted, int p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
