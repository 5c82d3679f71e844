package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.EvaluateDueCustomers;
import dev.winback.core.record.Evaluation;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.Platform;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.record.RiskState;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.functions.evaluate.EvaluateCustomersComposition;
import dev.winback.functions.ingest.IngestEventsComposition;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.lambda.SqsEvents;
import dev.winback.local.runtime.publish.InMemoryActionPublisher;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluator on durable timers against DynamoDB Local: events go in through the real ingest
 * handler (which arms the timers), runs read the due-time index, write with conditions (actions
 * held in the record until published), and publish. Runs also meet other tests' records in the shared table, so every assertion
 * is about this test's own customers.
 */
class EvaluatorIT {

    private static final Instant DAY_0 = Instant.parse("2026-06-01T09:00:00Z");

    private final IngestFixture fixture = IngestFixture.get();
    private final VirtualClock clock = new VirtualClock(DAY_0);
    private final EngagementTable table = new EngagementTable(fixture.config, fixture.clients, clock);
    private final Ingestion ingestion = new Ingestion(table, clock, fixture.writers);
    private final IngestEventsHandler ingest = new IngestEventsHandler(new IngestEventsComposition(ingestion));
    private final FlakyPublisher bus = new FlakyPublisher();
    private final FlakyPublisher queue = new FlakyPublisher();
    private final EvaluateDueCustomers evaluator = evaluator();

    /** The evaluator as its function composes it, on this test's table, clock and publishers. */
    private EvaluateDueCustomers evaluator() {
        return new EvaluateCustomersComposition(table, ingestion.evaluationPolicy(),
                Map.of(Destination.EVENT_BUS, bus, Destination.DELIVERY_QUEUE, queue), clock, fixture.writers).evaluate();
    }

    private static Instant day(double days) {
        return DAY_0.plus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    @Test
    void evaluatingTwiceForTheSameInstant_requestsEachActionOnce() {
        List<String> customers = lapsing("twice-", 5);
        assertThat(timers(customers)).as("armed by ingestion at the first deadline, cooling")
                .containsOnly(Optional.of(day(72)));

        EvaluateDueCustomers.Report first = evaluator.run(day(85));
        EvaluateDueCustomers.Report second = evaluator.run(day(85));

        assertThat(published(bus, customers)).hasSize(5).allSatisfy(request -> {
            assertThat(request.action()).isEqualTo(RetentionAction.LAPSED_CAMPAIGN);
            assertThat(request.signalExplanation()).contains("no app, web or store activity for 25 days");
        });
        assertThat(counts(bus, customers)).hasSize(5).containsOnlyKeys(keys(published(bus, customers)))
                .allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
        assertThat(counts(queue, customers)).isEqualTo(counts(bus, customers));
        assertThat(first.requested()).isGreaterThanOrEqualTo(5);
        assertThat(second.requested()).as("nothing of ours was due again").isLessThanOrEqualTo(first.requested() - 5);
        Map<String, StoredRecord> stored = fixture.records(customers);
        stored.values().forEach(record -> {
            assertThat(record.dueAt()).as("re-armed at the dormant deadline").contains(day(240));
            assertThat(record.record().evaluation()).isInstanceOfSatisfying(Evaluation.Evaluated.class, e -> {
                assertThat(e.state()).isEqualTo(RiskState.LAPSED);
                assertThat(e.signals()).singleElement().satisfies(s -> assertThat(s.actionKeys()).hasSize(1));
            });
        });
        for (ActionRequest request : published(bus, customers)) {
            assertThat(outboxItem(request)).as("no outbox item: the action was held in the record").isEmpty();
            assertThat(recordItem(request.customerId())).as("published: cleared from the record")
                    .doesNotContainKeys(PENDING, PENDING_UNTIL);
        }
    }

    @Test
    void twoConcurrentRunsForTheSameInstant_requestEachActionOnce() throws Exception {
        List<String> customers = lapsing("concurrent-", 30);
        EvaluateDueCustomers second = evaluator();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<EvaluateDueCustomers.Report>> runs = List.of(() -> evaluator.run(day(85)), () -> second.run(day(85)));
            for (Future<EvaluateDueCustomers.Report> run : threads.invokeAll(runs)) run.get();
        } finally {
            threads.shutdownNow();
        }

        assertThat(counts(bus, customers)).hasSize(30).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
        assertThat(counts(queue, customers)).isEqualTo(counts(bus, customers));
        fixture.records(customers).values().forEach(record ->
                assertThat(record.record().evaluation().signals()).singleElement()
                        .satisfies(s -> assertThat(s.actionKeys()).hasSize(1)));
    }

    @Test
    void aRunAfterMissedRuns_catchesUpWithEveryTimerDueSince() {
        List<String> customers = lapsing("missed-", 3);

        // The timers fell due on day 72 (cooling); no run until day 100.
        evaluator.run(day(100));

        assertThat(published(bus, customers)).hasSize(3);
        fixture.records(customers).values().forEach(record -> {
            assertThat(record.record().evaluation()).isInstanceOfSatisfying(Evaluation.Evaluated.class,
                    e -> assertThat(e.evaluatedAt()).isEqualTo(day(100)));
            assertThat(record.dueAt()).contains(day(240));
        });
    }

    @Test
    void aPurchase_movesTheTimerEarlierOnlyWhenTheEvaluatorIsNeededSooner() {
        // An active customer's timer waits for cooling on day 72; a purchase on day 62 only moves
        // the deadlines later, so the record is written but its timer stays where it was.
        String activeBuyer = lapsing("buys-while-active-", 1).getFirst();
        clock.set(day(62));
        long before = fixture.records(List.of(activeBuyer)).get(activeBuyer).version();
        send(purchase(activeBuyer, day(62)));
        StoredRecord after = fixture.records(List.of(activeBuyer)).get(activeBuyer);
        assertThat(after.version()).isEqualTo(before + 1);
        assertThat(after.dueAt()).contains(day(72));

        // A lapsed customer waits for the dormant deadline; a purchase in the app ends the lapse, so
        // the evaluator has work now and the timer moves earlier, to now.
        String lapsedBuyer = lapsing("buys-while-lapsed-", 1).getFirst();
        evaluator.run(day(85));
        assertThat(timer(lapsedBuyer)).contains(day(240));
        clock.set(day(100));
        send(purchase(lapsedBuyer, day(100)));
        assertThat(timer(lapsedBuyer)).contains(day(100));

        // The next run finds the lapse over and requests nothing new.
        evaluator.run(day(100).plus(Duration.ofMinutes(15)));
        assertThat(published(bus, List.of(lapsedBuyer))).hasSize(1);
        StoredRecord back = fixture.records(List.of(lapsedBuyer)).get(lapsedBuyer);
        assertThat(back.record().evaluation().signals()).isEmpty();
        assertThat(back.dueAt()).hasValueSatisfying(due -> assertThat(due).isAfter(day(100)));
    }

    @Test
    void whenPublishingFails_theActionStaysPendingAndTheNextRunPublishesWhatIsMissing() {
        List<String> customers = lapsing("queue-down-", 2);
        queue.failing = true;

        EvaluateDueCustomers.Report failed = evaluator.run(day(85));
        assertThat(published(bus, customers)).hasSize(2);
        assertThat(published(queue, customers)).isEmpty();
        assertThat(failed.pending()).isGreaterThanOrEqualTo(2);
        for (ActionRequest request : published(bus, customers)) {
            Map<String, AttributeValue> record = recordItem(request.customerId());
            assertThat(record).as("held in the record for the next run").containsKeys(PENDING, PENDING_UNTIL);
            assertThat(Instant.parse(record.get(Keys.DUE_AT).s())).as("its timer stays due")
                    .isBeforeOrEqualTo(day(85));
        }

        queue.failing = false;
        evaluator.run(day(85).plus(Duration.ofMinutes(15)));

        assertThat(counts(bus, customers)).hasSize(2).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
        assertThat(counts(queue, customers)).isEqualTo(counts(bus, customers));
        for (ActionRequest request : published(bus, customers)) {
            assertThat(recordItem(request.customerId())).doesNotContainKeys(PENDING, PENDING_UNTIL);
            assertThat(timer(request.customerId())).contains(day(240));
        }
    }

    /**
     * Issue 10, item 17: an uninstaller was emailed to come back, then again 12 days later when the
     * lapse rule fired. With the shipped playbook, on durable timers: one win-back per episode.
     */
    @Test
    void anUninstallerWhoThenLapses_getsOneWinBackCampaign() {
        String id = "uninstaller-" + Long.toString(System.nanoTime(), 36);
        List<EngagementEvent> events = new ArrayList<>();
        events.add(new EngagementEvent(id + "-profile", id, day(0), Optional.empty(), new EventPayload.ProfileUpdated(
                Optional.of(id + "@example.com"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())));
        events.add(new EngagementEvent(id + "-subscribed", id, day(0), Optional.empty(),
                new EventPayload.EmailSubscriptionChanged(dev.winback.core.event.EmailStatus.SUBSCRIBED)));
        events.add(new EngagementEvent(id + "-installed", id, day(0), Optional.of(Platform.APP),
                new EventPayload.AppInstalled()));
        for (int visit = 0; visit <= 10; visit++) {
            events.add(new EngagementEvent(id + "-v" + visit, id, day(6 * visit), Optional.of(Platform.APP),
                    new EventPayload.SessionStarted(Platform.APP)));
        }
        clock.set(day(60));
        send(events.toArray(EngagementEvent[]::new));
        clock.set(day(61));
        send(new EngagementEvent(id + "-uninstalled", id, day(61), Optional.of(Platform.APP),
                new EventPayload.AppUninstalled()));

        for (double d : new double[] {61.5, 73, 85, 100, 130}) evaluator.run(day(d));

        List<ActionRequest> requested = published(bus, List.of(id));
        assertThat(requested).extracting(ActionRequest::campaignId)
                .containsExactlyInAnyOrder("come-back-after-uninstall", "recent-uninstallers");
        assertThat(counts(queue, List.of(id))).isEqualTo(counts(bus, List.of(id)));
        Evaluation stored = fixture.records(List.of(id)).get(id).record().evaluation();
        assertThat(stored).isInstanceOfSatisfying(Evaluation.Evaluated.class, e -> {
            assertThat(e.signals()).extracting(s -> s.type().wireName()).contains("app_uninstalled", "lapsed");
            assertThat(e.episode()).hasValueSatisfying(episode ->
                    assertThat(episode.campaigns()).containsExactly("come-back-after-uninstall"));
        });
    }

    // ---- customers and events

    /** Customers on the app every 6 days from day 0 to day 60: cooling on day 72, lapsed on 84, dormant on 240. */
    private List<String> lapsing(String prefix, int count) {
        List<String> customers = new ArrayList<>();
        List<EngagementEvent> events = new ArrayList<>();
        String run = Long.toString(System.nanoTime(), 36);
        for (int c = 0; c < count; c++) {
            String id = prefix + run + "-" + c;
            customers.add(id);
            for (int visit = 0; visit <= 10; visit++) {
                events.add(new EngagementEvent(id + "-v" + visit, id, day(6 * visit), Optional.of(Platform.APP),
                        new EventPayload.SessionStarted(Platform.APP)));
            }
        }
        clock.set(day(60));
        send(events.toArray(EngagementEvent[]::new));
        clock.set(day(61));
        return customers;
    }

    private static EngagementEvent purchase(String customerId, Instant at) {
        return new EngagementEvent(customerId + "-p-" + at.getEpochSecond(), customerId, at, Optional.of(Platform.APP),
                new EventPayload.PurchaseCompleted("o-" + at.getEpochSecond(), new BigDecimal("30.00"), "EUR",
                        List.of(new LineItem("sku-1", "shoes", 1, new BigDecimal("30.00")))));
    }

    private void send(EngagementEvent... events) {
        List<String> bodies = new ArrayList<>();
        for (EngagementEvent event : events) bodies.add(fixture.json(event));
        SQSBatchResponse response = ingest.handleRequest(SqsEvents.batch(bodies, clock.instant()), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    // ---- reading back

    private Optional<Instant> timer(String customerId) {
        return fixture.records(List.of(customerId)).get(customerId).dueAt();
    }

    private List<Optional<Instant>> timers(List<String> customers) {
        Map<String, StoredRecord> stored = fixture.records(customers);
        return customers.stream().map(id -> stored.get(id).dueAt()).toList();
    }

    private static final String PENDING = "pending";
    private static final String PENDING_UNTIL = "pendingUntil";

    private Map<String, AttributeValue> recordItem(String customerId) {
        return fixture.clients.dynamoDb().getItem(b -> b.tableName(fixture.config.tableName()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(customerId)),
                        Keys.SK, AttributeValue.fromS(Keys.RECORD_SK)))).item();
    }

    private Map<String, AttributeValue> outboxItem(ActionRequest request) {
        return fixture.clients.dynamoDb().getItem(b -> b.tableName(fixture.config.tableName()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(request.customerId())),
                        Keys.SK, AttributeValue.fromS(Keys.action(request.idempotencyKey()))))).item();
    }

    private static List<ActionRequest> published(FlakyPublisher publisher, List<String> customers) {
        Set<String> ours = Set.copyOf(customers);
        return publisher.delegate.published().stream().filter(r -> ours.contains(r.customerId())).toList();
    }

    private static Map<String, Integer> counts(FlakyPublisher publisher, List<String> customers) {
        Map<String, Integer> counts = new HashMap<>();
        published(publisher, customers).forEach(r -> counts.merge(r.idempotencyKey(), 1, Integer::sum));
        return counts;
    }

    private static Set<String> keys(List<ActionRequest> requests) {
        return requests.stream().map(ActionRequest::idempotencyKey).collect(Collectors.toSet());
    }

    /** Accepts everything, or nothing while {@code failing}. */
    private static final class FlakyPublisher implements ActionPublisher {
        final InMemoryActionPublisher delegate = new InMemoryActionPublisher();
        volatile boolean failing;

        @Override
        public Set<String> publish(List<ActionRequest> requests) {
            return failing ? Set.of() : delegate.publish(requests);
        }
    }
}
