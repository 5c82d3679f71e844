package dev.winback.local.bench;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.json.PlaybookLoader;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.journey.AdvanceDueJourneys;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.dynamodb.EmbeddedDynamoDb;
import dev.winback.local.runtime.dynamodb.SdkCallCounter;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * What the journeys' timer run costs, and that it follows the steps due, not the customers: a
 * table of customers, each with a record and a run of the shipped review-request journey waiting
 * out its five days after delivery, their deadlines spread so that {@code due}% fall due by T1 and
 * twice as many more between T1 and T2 (an hour later). The real timer run
 * ({@link AdvanceDueJourneys} as {@link Journeys#advance} builds it) at T1 and at T2, each step
 * sending the review request to a counting stand-in of the delivery queue; DynamoDB capacity and
 * requests per run, per step due, as DynamoDB Local reports them and as DynamoDB bills them
 * ({@link BillingMeter}).
 *
 * <p>The state is built by the real engine from each customer's delivered order, at the instant
 * the order was delivered, and bulk-loaded (see {@link JourneysSeed} for why not through ingestion).
 */
public final class JourneysBench {

    record Options(int customers, double duePercent, long seed) { }

    static final Instant T1 = Instant.parse("2026-09-15T00:00:00Z");
    static final Instant T0 = T1.minus(Duration.ofDays(1));
    static final Instant T2 = T1.plus(Duration.ofHours(1));
    /** The most the cost of a step due may differ between the two runs before the benchmark fails. */
    static final double TOLERANCE = 0.25;

    private JourneysBench() {
    }

    public static int run(Options options, Path template, PrintStream out) {
        out.printf(Locale.ROOT, "bench journeys: %,d customers in the review-request journey, %.1f%% due at the first run,"
                + " %.1f%% at the second (seed %d)%n", options.customers(), options.duePercent(),
                2 * options.duePercent(), options.seed());
        long started = System.nanoTime();
        BillingMeter billing = new BillingMeter();
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start(billing); AwsClients clients = new AwsClients(dynamoDb.client())) {
            Map<String, String> tables = TemplateTables.create(SamTemplate.read(template), clients.dynamoDb());
            WinbackConfig config = new WinbackConfig(tables.get("EngagementTable"), "winback-bench");
            VirtualClock clock = new VirtualClock(T0);
            EngagementTable table = new EngagementTable(config, clients, clock);
            DeliveryPolicy policy = MessageDelivery.policy(EvaluationPolicy.defaults(new PlaybookLoader().shipped()));
            Journeys journeys = new Journeys(table, policy, clock);

            long seeding = System.nanoTime();
            JourneysSeed.Seeded seeded = JourneysSeed.seed(clients.dynamoDb(), table, journeys, policy, options);
            out.printf(Locale.ROOT, "  seeded %,d records and %,d journeys items in %.1f s: %,d runs due by T0 (warm-up),"
                            + " %,d more by T1, %,d more by T2; items p50 %,d B (record) and %,d B (journeys)%n",
                    options.customers(), options.customers(), (System.nanoTime() - seeding) / 1e9, seeded.warmUp(),
                    seeded.dueBy1(), seeded.dueBy2(), seeded.recordBytes(), seeded.journeysBytes());

            CountingMessageRequests requests = new CountingMessageRequests();
            ExecutorService writers = WriterThreads.newPool();
            try {
                AdvanceDueJourneys advance = journeys.advance(table, requests, writers);
                // Untimed: compiles the engine and the store's paths, as a warm Lambda has.
                advance.run(T0);
                clock.set(T1);
                JourneysRun first = measure(advance, table, journeys, requests, billing, T1);
                clock.set(T2);
                JourneysRun second = measure(advance, table, journeys, requests, billing, T2);
                JourneysVerdict verdict = JourneysVerdict.of(seeded, first, second, TOLERANCE);
                verdict.print(out, options.customers(), seeded, (System.nanoTime() - started) / 1e9);
                return verdict.passed() ? 0 : 1;
            } finally {
                writers.shutdown();
            }
        }
    }

    /** One timed run: its report, its capacity on the table's meter and billed, and its DynamoDB requests. */
    private static JourneysRun measure(AdvanceDueJourneys advance, EngagementTable table, Journeys journeys,
                                       CountingMessageRequests requests, BillingMeter billing, Instant at) {
        // What finding the due customers costs, alone: the index queries of every journey shard.
        table.meter().reset();
        for (int shard = 0; shard < journeys.store().shards(); shard++) journeys.store().due(shard, at);
        double indexUnits = table.meter().readUnits();

        table.meter().reset();
        SdkCallCounter.reset();
        requests.reset();
        BillingMeter.Totals before = billing.totals();
        long started = System.nanoTime();
        AdvanceDueJourneys.Report report = advance.run(at);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new JourneysRun(report, seconds, table.meter().readUnits(), table.meter().writeUnits(), indexUnits,
                SdkCallCounter.snapshot().calls(), requests.snapshot(), billing.totals().minus(before));
    }
}
