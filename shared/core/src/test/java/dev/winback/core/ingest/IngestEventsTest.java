package dev.winback.core.ingest;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.SeenEvents;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IngestEventsTest {

    private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void ingest_whenEventsArriveInAnyOrderAndBatching_buildsTheSameRecord() {
        // Each event keeps its own receipt time (as SQS's SentTimestamp does across redeliveries): consent
        // merging looks at receipts, so only then is the order of application free.
        List<EngagementEvent> events = new RandomEvents(7, START, Duration.ofDays(120)).forCustomer("c-1", 300)
                .stream().map(e -> e.receivedBy(e.occurredAt())).toList();
        EngagementRecord expected = ingestAll(events, new Random(0)).engagementView();
        Random random = new Random(11);
        for (int permutation = 0; permutation < 200; permutation++) {
            List<EngagementEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(ingestAll(shuffled, random).engagementView())
                    .as("permutation %d", permutation).isEqualTo(expected);
        }
    }

    @Test
    void ingest_whenEveryEventIsRedelivered_changesNothingAndReportsDuplicates() {
        List<EngagementEvent> events = new RandomEvents(3, START, Duration.ofDays(120)).forCustomer("c-2", 400);
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        IngestEvents ingest = new IngestEvents(store, Runnable::run, java.time.Clock.systemUTC(), NextDue.NEVER);
        ingest.ingest(events).forEach(outcome -> assertThat(outcome).isEqualTo(EventOutcome.APPLIED));
        StoredRecord before = store.get("c-2");
        // The window must have been archived for this test to reach the late path.
        assertThat(before.record().seen().archivedThroughDay()).isGreaterThan(Long.MIN_VALUE);
        assertThat(before.record().seen().ids().size()).isLessThanOrEqualTo(SeenEvents.WINDOW_HARD_MAX);

        List<EngagementEvent> again = new ArrayList<>(events);
        Collections.shuffle(again, new Random(5));
        for (int from = 0; from < again.size(); from += 37) {
            List<EventOutcome> outcomes = ingest.ingest(again.subList(from, Math.min(again.size(), from + 37)));
            assertThat(outcomes).containsOnly(EventOutcome.DUPLICATE);
        }
        assertThat(store.get("c-2")).isEqualTo(before);
    }

    @Test
    void ingest_whenALateEventIsNew_countsItOnce() {
        RandomEvents random = new RandomEvents(9, START, Duration.ofDays(120));
        List<EngagementEvent> events = random.forCustomer("c-3", 400);
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        IngestEvents ingest = new IngestEvents(store, Runnable::run, java.time.Clock.systemUTC(), NextDue.NEVER);
        ingest.ingest(events);
        long horizon = store.get("c-3").record().seen().archivedThroughDay();
        EngagementEvent late = new EngagementEvent("late-1", "c-3", START.plus(Duration.ofHours(1)),
                java.util.Optional.empty(), new dev.winback.core.event.EventPayload.SessionStarted(
                dev.winback.core.event.Platform.WEB));
        assertThat(START.getEpochSecond() / 86400).isLessThanOrEqualTo(horizon);
        long webBefore = store.get("c-3").record().platform(dev.winback.core.event.Platform.WEB).count();

        assertThat(ingest.ingest(List.of(late, late))).containsExactly(EventOutcome.APPLIED, EventOutcome.DUPLICATE);
        assertThat(ingest.ingest(List.of(late))).containsExactly(EventOutcome.DUPLICATE);
        assertThat(store.get("c-3").record().platform(dev.winback.core.event.Platform.WEB).count())
                .isEqualTo(webBefore + 1);
    }

    @Test
    void ingest_coalescesOneCustomersEventsIntoOneWrite() {
        List<EngagementEvent> events = new ArrayList<>();
        RandomEvents random = new RandomEvents(1, START, Duration.ofDays(1));
        for (int i = 0; i < 10; i++) events.addAll(random.forCustomer("c-" + (i % 3), 1));
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        new IngestEvents(store, Runnable::run, java.time.Clock.systemUTC(), NextDue.NEVER).ingest(events);
        assertThat(store.writes).isEqualTo(3);
    }

    @Test
    void ingest_armsTheTimerWhenAbsent_thenMovesItOnlyEarlier() {
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        java.util.Deque<Instant> nextDue = new java.util.ArrayDeque<>(List.of(
                START.plus(Duration.ofDays(20)), START.plus(Duration.ofDays(30)), START.plus(Duration.ofDays(5))));
        IngestEvents ingest = new IngestEvents(store, Runnable::run,
                java.time.Clock.fixed(START.plus(Duration.ofDays(1)), java.time.ZoneOffset.UTC),
                (record, now) -> java.util.Optional.of(nextDue.pop()));
        RandomEvents random = new RandomEvents(4, START, Duration.ofDays(1));

        ingest.ingest(random.forCustomer("c-4", 1));
        assertThat(store.get("c-4").dueAt()).as("armed when absent").contains(START.plus(Duration.ofDays(20)));
        ingest.ingest(random.forCustomer("c-4", 1));
        assertThat(store.get("c-4").dueAt()).as("never later on ingest").contains(START.plus(Duration.ofDays(20)));
        ingest.ingest(random.forCustomer("c-4", 1));
        assertThat(store.get("c-4").dueAt()).as("earlier").contains(START.plus(Duration.ofDays(5)));
    }

    @Test
    void ingest_whenTheNextDeadlineCannotBeWorkedOut_storesTheEventsAnyway() {
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        IngestEvents ingest = new IngestEvents(store, Runnable::run,
                java.time.Clock.fixed(START.plus(Duration.ofDays(1)), java.time.ZoneOffset.UTC), (record, now) -> {
                    throw new IllegalStateException("broken deadline");
                });

        List<EventOutcome> outcomes = ingest.ingest(new RandomEvents(5, START, Duration.ofDays(1)).forCustomer("c-5", 3));

        assertThat(outcomes).containsOnly(EventOutcome.APPLIED);
        assertThat(store.get("c-5").dueAt()).isEmpty();
    }

    private static EngagementRecord ingestAll(List<EngagementEvent> events, Random random) {
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        IngestEvents ingest = new IngestEvents(store, Runnable::run, java.time.Clock.systemUTC(), NextDue.NEVER);
        int from = 0;
        while (from < events.size()) {
            int size = 1 + random.nextInt(25);
            List<EngagementEvent> batch = new ArrayList<>(events.subList(from, Math.min(events.size(), from + size)));
            // Redeliver a few events inside the same run, as SQS may.
            if (random.nextInt(4) == 0) batch.add(events.get(random.nextInt(from + batch.size())));
            ingest.ingest(batch);
            from += size;
        }
        return store.get(events.getFirst().customerId()).record();
    }
}
