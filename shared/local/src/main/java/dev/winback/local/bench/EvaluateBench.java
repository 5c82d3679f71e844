package dev.winback.local.bench;

import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.json.PlaybookLoader;
import dev.winback.functions.evaluate.EvaluateCustomersComposition;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.adapters.json.PlaybookLoader;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.EvaluateDueCustomers;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.evaluation.Evaluator;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.model.BgNbdModel;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.demo.SyntheticConfig;
import dev.winback.local.demo.SyntheticCustomerBase;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import dev.winback.local.runtime.publish.InMemoryActionPublisher;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The cost of a scheduled evaluation on durable timers: a table of synthetic records, seeded directly
 * (BatchWriteItem, not through ingestion) with their timers spread so that a given share falls due,
 * then evaluator runs, next to a full-table Scan measured in the same run, which is what finding
 * the due customers would cost without the index.
 *
 * <p>Records are copies, under new ids, of customers of the demo's synthetic base after 30 days of
 * events, so their size and their signals are the demo's. Timers: half of {@code due}% fall due a day
 * before T1, for an untimed warm-up run at T0; {@code due}% fall due by T1 with their evaluation
 * already stored an hour before (run 1: evaluations that request nothing, the timer re-armed); twice
 * that share falls due between T1 and T2 (an hour later) never evaluated (run 2: evaluations that
 * request actions); the rest 1 to 90 days after T1. The cost of an action is run 2's cost beyond
 * run 1's per evaluation, divided by run 2's actions.
 */
public final class EvaluateBench {

    record Options(int customers, double duePercent, long seed) { }

    private static final Instant T1 = Instant.parse("2026-09-15T00:00:00Z");
    private static final Instant T0 = T1.minus(Duration.ofDays(1));
    private static final Instant T2 = T1.plus(Duration.ofHours(1));
    private static final int TEMPLATES = 2_000;
    private static final int BATCH_WRITE = 25;
    private static final int SEED_THREADS = 4;

    private EvaluateBench() {
    }

    public static int run(Options options, Path template, PrintStream out) {
        out.printf("bench evaluate: %,d customers, %.1f%% due at the first run, %.1f%% at the second (seed %d)%n",
                options.customers(), options.duePercent(), 2 * options.duePercent(), options.seed());
        List<EngagementRecord> templates = templates(options.seed());
        EvaluationPolicy shippedPolicy = EvaluationPolicy.defaults(new PlaybookLoader().shipped());
        BgNbdModel defaultModel = new BgNbdModel(BgNbdParameters.defaults());
        List<EngagementRecord> evaluated = templates.stream().map(r -> r.withEvaluation(
                Evaluator.evaluate(r, T1.minus(Duration.ofHours(1)), shippedPolicy, defaultModel).evaluation())).toList();
        BillingMeter billing = new BillingMeter();
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(); DynamoDbClient metered = MeteredDynamoDb.overHttp(billing);
             AwsClients clients = new AwsClients(metered)) {
            Map<String, String> tables = TemplateTables.create(SamTemplate.read(template), clients.dynamoDb());
            WinbackConfig config = new WinbackConfig(tables.get("EngagementTable"), "winback-bench");
            long seeding = System.nanoTime();
            int[] dueCounts = seed(clients.dynamoDb(), config.tableName(), templates, evaluated, options);
            out.printf("  seeded %,d records in %.1f s: %,d timers due by T0 (warm-up), %,d more by T1 (evaluated before),"
                            + " %,d more by T2 (never evaluated)%n",
                    options.customers(), (System.nanoTime() - seeding) / 1e9, dueCounts[2], dueCounts[0], dueCounts[1]);
            warmUp(templates);

            VirtualClock clock = new VirtualClock(T0);
            EngagementTable table = new EngagementTable(config, clients, clock);
            InMemoryActionPublisher bus = new InMemoryActionPublisher();
            InMemoryActionPublisher queue = new InMemoryActionPublisher();
            EvaluateDueCustomers evaluator = new EvaluateCustomersComposition(table,
                    EvaluationPolicy.defaults(new PlaybookLoader().shipped()),
                    Map.of(Destination.EVENT_BUS, bus, Destination.DELIVERY_QUEUE, queue), clock,
                    WriterThreads.newPool()).evaluate();

            // Untimed: compiles the SDK and evaluation paths and opens connections, as a warm Lambda has.
            evaluator.run(T0);
            clock.set(T1);
            Run first = measure(evaluator, table, billing, T1);
            BillingMeter.Totals beforeScan = billing.totals();
            ScanCost scan = scan(clients.dynamoDb(), config.tableName());
            BillingMeter.Totals scanBilled = billing.totals().minus(beforeScan);
            clock.set(T2);
            Run second = measure(evaluator, table, billing, T2);

            double ratio = scan.readUnits() / first.readUnits();
            print(out, "evaluator run 1", first);
            print(out, "evaluator run 2", second);
            out.printf("  full-table Scan   %,d items, %.1f s, read units %,.1f (eventually consistent, the cheapest read)%n",
                    scan.items(), scan.seconds(), scan.readUnits());
            out.printf("  read units: Scan / evaluator run 1 = %.1f (the run reads each due record, half a unit per"
                    + " eventually consistent read of up to 4 KB; a Scan packs 4 KB of items into half a unit)%n", ratio);
            out.printf("  finding who is due: index queries %,.1f read units vs the Scan's %,.1f = %.0fx fewer%n",
                    first.indexUnits(), scan.readUnits(), scan.readUnits() / first.indexUnits());
            out.printf("  time per due record: %.2f ms (run 1), %.2f ms (run 2)%n",
                    1000 * first.seconds() / Math.max(1, first.report().due()),
                    1000 * second.seconds() / Math.max(1, second.report().due()));
            BillingMeter.Totals perDue1 = first.billed().per(first.report().due());
            BillingMeter.Totals perDue2 = second.billed().per(second.report().due());
            double perEvaluation = first.billed().writeUnitEquivalents() / Math.max(1, first.report().evaluated());
            int actions2 = second.report().requested();
            double perAction = (second.billed().writeUnitEquivalents() - second.report().evaluated() * perEvaluation)
                    / Math.max(1, actions2);
            out.printf(Locale.ROOT, "  billed by DynamoDB's rules, per due customer: run 1 %.3f write units (%.3f of them"
                            + " index writes) + %.3f read units = %.3f WRU-eq, $%.2f per million customers evaluated;"
                            + " run 2 %.3f + %.3f = %.3f WRU-eq; DynamoDB Local reported %.3f + %.3f (run 1);"
                            + " the Scan billed %,.1f read units%n",
                    perDue1.writeUnits(), perDue1.indexWriteUnits(), perDue1.readUnits(), perDue1.writeUnitEquivalents(),
                    perDue1.dollars() * 1e6, perDue2.writeUnits(), perDue2.readUnits(), perDue2.writeUnitEquivalents(),
                    first.writeUnits() / Math.max(1, first.report().due()), first.readUnits() / Math.max(1, first.report().due()),
                    scanBilled.readUnits());
            out.printf(Locale.ROOT, "  per evaluation that requests nothing (run 1, %,d actions): %.3f WRU-eq (goal <= 3.5);"
                            + " per action (run 2 beyond run 1's per evaluation, %,d actions for %,d evaluated): %.3f WRU-eq"
                            + " (goal <= 2)%n",
                    first.report().requested(), perEvaluation, actions2, second.report().evaluated(), perAction);
            out.printf(Locale.ROOT, "  billed WRU-eq per due customer by request (run 1): %s%n", perDue1.operations());
            out.printf(Locale.ROOT, "  billed WRU-eq per due customer by request (run 2): %s%n", perDue2.operations());
            out.printf(Locale.ROOT, "RESULT evaluate customers=%d due=%d evaluator_rcu=%.1f scan_rcu=%.1f read_ratio=%.1f evaluator_wcu=%.1f"
                            + " index_rcu=%.1f seconds=%.2f due_2=%d evaluator_rcu_2=%.1f seconds_2=%.2f actions=%d"
                            + " actions_1=%d actions_2=%d %s %s scan_billed_rru=%.1f wru_eq_per_evaluation=%.3f"
                            + " wru_eq_per_action=%.3f%n",
                    options.customers(), first.report().due(), first.readUnits(), scan.readUnits(), ratio,
                    first.writeUnits(), first.indexUnits(), first.seconds(), second.report().due(), second.readUnits(),
                    second.seconds(), bus.count(), first.report().requested(), second.report().requested(),
                    perDue1.resultFields(""), perDue2.resultFields("_2"), scanBilled.readUnits(), perEvaluation, perAction);
            return first.report().failed() + second.report().failed() == 0 ? 0 : 1;
        }
    }

    /** @param indexUnits the read units of the due-time index queries alone (included in readUnits) */
    private record Run(EvaluateDueCustomers.Report report, double seconds, double readUnits, double writeUnits,
                       double indexUnits, BillingMeter.Totals billed) { }

    private record ScanCost(long items, double seconds, double readUnits) { }

    private static Run measure(EvaluateDueCustomers evaluator, EngagementTable table, BillingMeter billing, Instant at) {
        // What finding the due customers costs, alone: the index queries of every shard.
        table.meter().reset();
        for (int shard = 0; shard < table.evaluationStore().shards(); shard++) {
            table.evaluationStore().due(shard, at);
        }
        double indexUnits = table.meter().readUnits();
        table.meter().reset();
        BillingMeter.Totals before = billing.totals();
        long started = System.nanoTime();
        EvaluateDueCustomers.Report report = evaluator.run(at);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Run(report, seconds, table.meter().readUnits(), table.meter().writeUnits(), indexUnits,
                billing.totals().minus(before));
    }

    private static void print(PrintStream out, String label, Run run) {
        EvaluateDueCustomers.Report r = run.report();
        out.printf("  %-17s due %,d, evaluated %,d, actions %,d, %.2f s, read units %,.1f, write units %,.1f%n",
                label, r.due(), r.evaluated(), r.requested(), run.seconds(), run.readUnits(), run.writeUnits());
    }

    /** Demo customers after 30 days of events, as stored records. */
    private static List<EngagementRecord> templates(long seed) {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticConfig.defaults()
                .withCustomers(TEMPLATES).withDays(30).withSeed(seed));
        Map<String, List<EngagementEvent>> byCustomer = base.events()
                .collect(Collectors.groupingBy(EngagementEvent::customerId, LinkedHashMap::new, Collectors.toList()));
        List<EngagementRecord> records = new ArrayList<>();
        byCustomer.forEach((id, events) ->
                records.add(RecordUpdate.apply(EngagementRecord.empty(id), events, Map.of()).record()));
        return records;
    }

    /**
     * Writes every record with its timer; those due by T1 as already evaluated. Returns how many fall
     * due by T1, between T1 and T2, and by T0.
     */
    private static int[] seed(DynamoDbClient dynamoDb, String table, List<EngagementRecord> templates,
                              List<EngagementRecord> evaluated, Options options) {
        int n = options.customers();
        long dueBy1 = Math.round(n * options.duePercent() / 100);
        long dueBy2 = 2 * dueBy1;
        long warmUp = dueBy1 / 2;
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < SEED_THREADS; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(options.seed() * 31 + thread);
                    List<WriteRequest> batch = new ArrayList<>();
                    for (int i = thread; i < n; i += SEED_THREADS) {
                        // Spread the due ones evenly over the ids (and so over the due shards).
                        long rank = (long) i * 1_000_003 % n;
                        Instant due = rank < warmUp ? T0.minusSeconds(random.nextLong(6 * 3600))
                                : rank < warmUp + dueBy1 ? T1.minusSeconds(random.nextLong(6 * 3600))
                                : rank < warmUp + dueBy1 + dueBy2 ? T1.plusSeconds(1 + random.nextLong(3599))
                                : T1.plus(Duration.ofDays(1)).plusSeconds(random.nextLong(89L * 86_400));
                        boolean evaluatedBefore = rank >= warmUp && rank < warmUp + dueBy1;
                        EngagementRecord record = renamed((evaluatedBefore ? evaluated : templates).get(i % templates.size()),
                                String.format("b-%07d", i));
                        batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                                .item(DynamoDbEngagementStore.recordItem(record, 1, Optional.of(due))).build()).build());
                        if (batch.size() == BATCH_WRITE) {
                            write(dynamoDb, table, batch);
                            batch = new ArrayList<>();
                        }
                    }
                    if (!batch.isEmpty()) write(dynamoDb, table, batch);
                }));
            }
            for (Future<?> f : running) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed", e);
        } finally {
            pool.shutdownNow();
        }
        return new int[] {(int) dueBy1, (int) dueBy2, (int) warmUp};
    }

    private static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 10) throw new IllegalStateException("BatchWriteItem left items unprocessed");
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static EngagementRecord renamed(EngagementRecord r, String id) {
        return new EngagementRecord(id, r.platforms(), r.purchases(), r.channels(), r.pushPermission(), r.membership(),
                r.install(), r.profile(), r.recent(), r.seen(), r.evaluation());
    }

    /** Compiles the evaluation path before anything is timed. */
    private static void warmUp(List<EngagementRecord> templates) {
        EvaluationPolicy policy = EvaluationPolicy.defaults(new PlaybookLoader().shipped());
        BgNbdModel model = new BgNbdModel(BgNbdParameters.defaults());
        for (int round = 0; round < 3; round++) {
            for (EngagementRecord record : templates) Evaluator.evaluate(record, T1, policy, model);
        }
    }

    private static ScanCost scan(DynamoDbClient dynamoDb, String table) {
        long started = System.nanoTime();
        double units = 0;
        long items = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse response = dynamoDb.scan(b -> {
                b.tableName(table).consistentRead(false).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (from != null) b.exclusiveStartKey(from);
            });
            units += response.consumedCapacity().capacityUnits();
            items += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new ScanCost(items, (System.nanoTime() - started) / 1e9, units);
    }
}
