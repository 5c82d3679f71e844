package dev.winback.core.evaluation;

import static dev.winback.core.evaluation.TestPolicy.MODEL;
import static dev.winback.core.evaluation.TestPolicy.POLICY;
import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.event.Platform;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.model.PurchaseModels;
import dev.winback.core.model.StoredPurchaseModel;
import dev.winback.core.record.EngagementRecord;

import dev.winback.core.record.Evaluation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EvaluateDueCustomersTest {

    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final RecordingPublisher bus = new RecordingPublisher();
    private final RecordingPublisher queue = new RecordingPublisher();
    private final EvaluateDueCustomers evaluator = new EvaluateDueCustomers(store, ActionOutbox.NONE,
            Map.of(Destination.EVENT_BUS, bus, Destination.DELIVERY_QUEUE, queue), POLICY, new FixedModel(),
            Runnable::run);

    /** App every 6 days from day 0 to day 60: lapsed on day 84. Timer armed at its first deadline, day 72. */
    private String lapsing(String id) {
        EngagementRecord record = customer(id).visits(Platform.APP, day(0), Duration.ofDays(6), 11).record();
        store.put(record, 1, Evaluator.dueAt(record, day(61), POLICY, MODEL));
        return id;
    }

    @Test
    void run_twiceForTheSameInstant_requestsEachActionOnce() {
        String id = lapsing("twice");

        EvaluateDueCustomers.Report first = evaluator.run(day(85));
        EvaluateDueCustomers.Report second = evaluator.run(day(85));

        assertThat(first.evaluated()).isEqualTo(1);
        assertThat(first.requested()).isEqualTo(1);
        assertThat(first.published()).isEqualTo(1);
        assertThat(second.due()).isZero();
        assertThat(second.requested()).isZero();
        assertThat(bus.counts()).hasSize(1).containsValue(1);
        assertThat(queue.counts()).isEqualTo(bus.counts());
        assertThat(store.get(id).dueAt()).contains(day(240));
    }

    @Test
    void run_concurrentlyForTheSameInstant_requestsEachActionOnce() throws Exception {
        for (int i = 0; i < 20; i++) lapsing("concurrent-" + i);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<EvaluateDueCustomers.Report> run = () -> evaluator.run(day(85));
            List<Future<EvaluateDueCustomers.Report>> runs = threads.invokeAll(List.of(run, run));
            int requested = 0;
            for (Future<EvaluateDueCustomers.Report> report : runs) requested += report.get().requested();
            assertThat(requested).isEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
        assertThat(bus.counts()).hasSize(20).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
        assertThat(queue.counts()).isEqualTo(bus.counts());
    }

    @Test
    void run_afterMissedRuns_catchesUpWithEverythingDue() {
        String id = lapsing("missed");

        EvaluateDueCustomers.Report late = evaluator.run(day(100));

        assertThat(late.evaluated()).isEqualTo(1);
        assertThat(bus.published()).singleElement().satisfies(action -> assertThat(action.customerId()).isEqualTo(id));
        assertThat(store.get(id).record().evaluation()).isInstanceOfSatisfying(Evaluation.Evaluated.class,
                evaluation -> assertThat(evaluation.evaluatedAt()).isEqualTo(day(100)));
    }

    @Test
    void run_whenADestinationFails_leavesTheActionPendingForTheNextRun_thatSendsOnlyWhatIsMissing() {
        lapsing("queue-down");
        queue.failing(true);

        EvaluateDueCustomers.Report failed = evaluator.run(day(85));
        assertThat(failed.requested()).isEqualTo(1);
        assertThat(failed.pending()).isEqualTo(1);
        assertThat(bus.published()).hasSize(1);
        assertThat(queue.published()).isEmpty();

        queue.failing(false);
        EvaluateDueCustomers.Report withinLease = evaluator.run(day(85).plusSeconds(60));
        assertThat(withinLease.published()).as("held by the first run's lease").isZero();

        EvaluateDueCustomers.Report next = evaluator.run(day(85).plus(Duration.ofMinutes(15)));
        assertThat(next.requested()).isZero();
        assertThat(next.published()).isEqualTo(1);
        assertThat(bus.published()).as("the bus had it already").hasSize(1);
        assertThat(queue.published()).hasSize(1);
        assertThat(store.due("queue-down").pending()).as("settled: nothing left in the record").isEmpty();
        assertThat(store.get("queue-down").dueAt()).as("armed at the next deadline once published").contains(day(240));
    }

    @Test
    void run_thatDiesBetweenTheRecordWriteAndThePublish_leavesTheActionToTheNextRun_thatPublishesItOnce() {
        String id = lapsing("crash");
        store.crashAfterSave(true);

        EvaluateDueCustomers.Report died = evaluator.run(day(85));
        assertThat(died.published()).isZero();
        assertThat(bus.published()).isEmpty();
        assertThat(store.due(id).pending()).hasSize(1);
        assertThat(store.get(id).dueAt()).as("the timer stays due while the action waits").hasValueSatisfying(
                due -> assertThat(due).isBeforeOrEqualTo(day(85)));

        store.crashAfterSave(false);
        EvaluateDueCustomers.Report withinLease = evaluator.run(day(85).plusSeconds(60));
        assertThat(withinLease.published()).as("held by the first run's lease").isZero();
        assertThat(withinLease.upToDate()).isEqualTo(1);

        EvaluateDueCustomers.Report next = evaluator.run(day(85).plus(Duration.ofMinutes(15)));
        assertThat(next.requested()).as("nothing new: the signal was acted on").isZero();
        assertThat(next.published()).isEqualTo(1);
        assertThat(bus.counts()).hasSize(1).containsValue(1);
        assertThat(queue.counts()).isEqualTo(bus.counts());
        assertThat(store.due(id).pending()).isEmpty();
        assertThat(store.get(id).dueAt()).contains(day(240));

        evaluator.run(day(86));
        assertThat(bus.counts()).as("never twice").containsValue(1).hasSize(1);
    }

    @Test
    void run_whenIngestionWritesWhileTheActionsArePending_publishesThem_andLeavesTheTimerDueForAnotherLook() {
        String id = lapsing("ingested-meanwhile");
        store.crashAfterSave(true);
        evaluator.run(day(85));
        store.crashAfterSave(false);
        // Ingestion would move the timer to day 240; the hold keeps it at the lease's end.
        store.ingest(id, Optional.of(day(240)));
        assertThat(store.get(id).dueAt()).contains(day(85).plus(EvaluateDueCustomers.LEASE));

        EvaluateDueCustomers.Report next = evaluator.run(day(85).plus(Duration.ofMinutes(15)));

        assertThat(next.published()).isEqualTo(1);
        assertThat(queue.counts()).hasSize(1).containsValue(1);
        assertThat(store.due(id).pending()).isEmpty();
    }

    @Test
    void run_withABudgetForOneChunk_publishesThatChunk_andLeavesTheRestDueForTheNextRun() {
        int customers = EvaluateDueCustomers.CHUNK + 30;
        for (int i = 0; i < customers; i++) lapsing("backlog-" + i);
        int[] chunks = {0};
        RunBudget oneChunk = () -> chunks[0]++ < 1;

        EvaluateDueCustomers.Report first = evaluator.run(day(85), oneChunk);

        assertThat(first.due()).isEqualTo(customers);
        assertThat(first.evaluated()).isEqualTo(EvaluateDueCustomers.CHUNK);
        assertThat(first.published()).as("published chunk by chunk, not at the end").isEqualTo(EvaluateDueCustomers.CHUNK);
        assertThat(first.deferred()).isEqualTo(30);
        assertThat(bus.counts()).hasSize(EvaluateDueCustomers.CHUNK);

        EvaluateDueCustomers.Report second = evaluator.run(day(85).plus(Duration.ofMinutes(15)));

        assertThat(second.due()).as("the next run starts where this one stopped").isEqualTo(30);
        assertThat(second.deferred()).isZero();
        assertThat(bus.counts()).hasSize(customers).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
        assertThat(queue.counts()).isEqualTo(bus.counts());
    }

    @Test
    void runBudget_until_allowsChunksBeforeItsInstantOnly() {
        dev.winback.core.delivery.MutableClock clock = new dev.winback.core.delivery.MutableClock(day(85));
        RunBudget budget = RunBudget.until(clock, day(85).plusSeconds(10));
        assertThat(budget.allowsAnotherChunk()).isTrue();
        clock.set(day(85).plusSeconds(10));
        assertThat(budget.allowsAnotherChunk()).isFalse();
    }

    @Test
    void run_whenNothingIsDueYet_touchesNothing() {
        String id = lapsing("not-yet");

        EvaluateDueCustomers.Report early = evaluator.run(day(71));

        assertThat(early.due()).isZero();
        assertThat(store.saves).isZero();
        assertThat(store.get(id).dueAt()).contains(day(72));
    }

    @Test
    void run_whenTheTimerFiresWithNothingToRequest_reArmsAtTheNextDeadline() {
        String id = lapsing("re-arm");

        EvaluateDueCustomers.Report cooling = evaluator.run(day(72));

        assertThat(cooling.evaluated()).isEqualTo(1);
        assertThat(cooling.requested()).isZero();
        assertThat(store.get(id).dueAt()).contains(day(78));
    }

    @Test
    void run_readsEventuallyConsistently_andNeedsNoSecondReadWhenTheRecordIsFresh() {
        lapsing("fresh");

        evaluator.run(day(85));

        assertThat(store.consistentLoads).isZero();
    }

    @Test
    void run_whenAStaleReadShowsTheTimerNotDue_checksWithAConsistentRead() {
        String id = lapsing("stale-not-due");
        StoredRecord current = store.get(id);
        store.staleReads(new StoredRecord(current.record(), current.version(), Optional.of(day(300))));

        EvaluateDueCustomers.Report report = evaluator.run(day(85));

        assertThat(report.evaluated()).isEqualTo(1);
        assertThat(report.requested()).isEqualTo(1);
        assertThat(store.consistentLoads).isEqualTo(1);
    }

    @Test
    void run_whenAStaleReadIsAnOlderVersion_losesTheWriteAndRetriesOnTheCurrentOne() {
        String id = lapsing("stale-old");
        StoredRecord current = store.get(id);
        store.put(current.record(), current.version() + 1, current.dueAt());
        store.staleReads(current);

        EvaluateDueCustomers.Report report = evaluator.run(day(85));

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(report.evaluated()).isEqualTo(1);
        assertThat(queue.published()).hasSize(1);
        // The newer version, the evaluation written over it, and the settling that re-arms the timer
        // (a version of its own, so that a write that read the timer due before it reads again).
        assertThat(store.get(id).version()).isEqualTo(current.version() + 3);
    }

    private static final class FixedModel implements PurchaseModels {
        @Override
        public PurchaseModel current() {
            return MODEL;
        }

        @Override
        public void store(StoredPurchaseModel model) {
            throw new UnsupportedOperationException();
        }
    }
}
