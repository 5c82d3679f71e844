package dev.winback.local.bench;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.outcome.Assignment;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.dynamodb.EmbeddedDynamoDb;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * What outcomes cost: two cohorts of customers go through the same events through the real
 * ingestion on DynamoDB Local, the measured cohort's sends naming their unit (one in ten withheld
 * instead), the baseline's naming none (its withheld ones writing nothing, as before outcomes).
 * The difference in write units is the cost of outcomes per decision, per conversion, and per event
 * that converts nothing (which must be none: counters are written for decisions and conversions
 * only, never per event).
 */
public final class OutcomesBench {

    record Options(int customers) { }

    static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
    static final Instant DECIDED = T0.plus(Duration.ofDays(1));
    static final Instant CONVERTED = DECIDED.plus(Duration.ofDays(2));
    static final Instant OUTSIDE = DECIDED.plus(Duration.ofDays(20));
    static final String UNIT = "winback-email";
    static final int BATCH = 100;

    private OutcomesBench() {
    }

    record Cohort(double decisions, double conversions, double other) { }

    public static int run(Options options, Path template, PrintStream out) {
        out.printf(Locale.ROOT, "bench outcomes: %,d customers per cohort, one decision and one purchase each%n",
                options.customers());
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start(); AwsClients clients = new AwsClients(dynamoDb.client())) {
            Map<String, String> tables = TemplateTables.create(SamTemplate.read(template), clients.dynamoDb());
            WinbackConfig config = new WinbackConfig(tables.get("EngagementTable"), "winback-bench");
            VirtualClock clock = new VirtualClock(T0);
            EngagementTable table = new EngagementTable(config, clients, clock);
            ExecutorService writers = WriterThreads.newPool();
            try {
                IngestEvents ingest = new Ingestion(table, clock, writers).events();
                Cohort baseline = cohort("b", false, options.customers(), ingest, table, clock);
                Cohort measured = cohort("m", true, options.customers(), ingest, table, clock);
                int n = options.customers();
                double perDecision = (measured.decisions() - baseline.decisions()) / n;
                double perConversion = (measured.conversions() - baseline.conversions()) / n;
                double perOther = (measured.other() - baseline.other()) / n;
                out.printf(Locale.ROOT, "  write units per customer: decision %.3f (baseline %.3f), purchase within the"
                                + " window %.3f (baseline %.3f), visit outside it %.3f (baseline %.3f)%n",
                        measured.decisions() / n, baseline.decisions() / n, measured.conversions() / n,
                        baseline.conversions() / n, measured.other() / n, baseline.other() / n);
                out.printf(Locale.ROOT, "RESULT outcomes customers=%d wcu_per_decision=%.3f wcu_per_conversion=%.3f"
                        + " wcu_per_other_event=%.3f%n", n, perDecision, perConversion, perOther);
                return 0;
            } finally {
                writers.shutdownNow();
            }
        }
    }

    /** One cohort's write units for its decisions, its conversions and its events that convert nothing. */
    private static Cohort cohort(String prefix, boolean measured, int customers, IngestEvents ingest,
                                 EngagementTable table, VirtualClock clock) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < customers; i++) ids.add(String.format(Locale.ROOT, "%s-%07d", prefix, i));
        clock.set(T0);
        ingestAll(ingest, ids, id -> new EngagementEvent("s-" + id, id, T0, Optional.of(Platform.WEB),
                new EventPayload.SessionStarted(Platform.WEB)));

        clock.set(DECIDED);
        table.meter().reset();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (i % 10 != 0) {
                sent.add(id);
            } else if (measured) {
                var read = table.store().load(List.of(id)).get(id);
                ingest.recordWithheld(read, UNIT, Assignment.HELD_OUT, DECIDED);
            }
        }
        ingestAll(ingest, sent, id -> new EngagementEvent("m-" + id, id, DECIDED, Optional.empty(),
                new EventPayload.MessageSent("m-" + id, Channel.EMAIL, Optional.of(Purpose.MARKETING),
                        measured ? Optional.of(UNIT) : Optional.empty())));
        double decisions = table.meter().writeUnits();

        clock.set(CONVERTED);
        table.meter().reset();
        ingestAll(ingest, ids, id -> new EngagementEvent("p-" + id, id, CONVERTED, Optional.of(Platform.WEB),
                new EventPayload.PurchaseCompleted("o-" + id, new BigDecimal("25.00"), "EUR", List.of())));
        double conversions = table.meter().writeUnits();

        clock.set(OUTSIDE);
        table.meter().reset();
        ingestAll(ingest, ids, id -> new EngagementEvent("v-" + id, id, OUTSIDE, Optional.of(Platform.WEB),
                new EventPayload.SessionStarted(Platform.WEB)));
        double other = table.meter().writeUnits();
        return new Cohort(decisions, conversions, other);
    }

    private static void ingestAll(IngestEvents ingest, List<String> ids, Function<String, EngagementEvent> event) {
        for (int from = 0; from < ids.size(); from += BATCH) {
            ingest.ingest(ids.subList(from, Math.min(ids.size(), from + BATCH)).stream().map(event).toList());
        }
    }
}
