package dev.winback.core.ingest;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventsListenerTest {

    private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(START.plus(Duration.ofDays(2)), ZoneOffset.UTC);

    @Test
    void listener_hearsStoredAndRedeliveredEvents_withTheRecordAsWritten() {
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        List<List<String>> heard = new ArrayList<>();
        List<EngagementRecord> records = new ArrayList<>();
        IngestEvents ingest = ingest(store, (record, events) -> {
            records.add(record);
            heard.add(events.stream().map(EngagementEvent::eventId).toList());
            return true;
        });
        List<EngagementEvent> events = new RandomEvents(9, START, Duration.ofDays(1)).forCustomer("c-1", 3);

        assertThat(ingest.ingest(events)).containsOnly(EventOutcome.APPLIED);
        assertThat(ingest.ingest(events)).containsOnly(EventOutcome.DUPLICATE);

        List<String> ids = events.stream().map(EngagementEvent::eventId).toList();
        assertThat(heard).containsExactly(ids, ids);
        assertThat(records.getFirst()).isEqualTo(store.get("c-1").record());
    }

    @Test
    void listener_thatCannotTakeTheEventsNow_makesThemRetry_thoughTheRecordIsStored() {
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        IngestEvents refusing = ingest(store, (record, events) -> false);
        List<EngagementEvent> events = new RandomEvents(10, START, Duration.ofDays(1)).forCustomer("c-2", 2);

        assertThat(refusing.ingest(events)).containsOnly(EventOutcome.RETRY);
        assertThat(store.get("c-2").version()).isPositive();

        IngestEvents throwing = ingest(store, (record, e) -> {
            throw new IllegalStateException("journeys unavailable");
        });
        assertThat(throwing.ingest(events)).containsOnly(EventOutcome.RETRY);
        assertThat(ingest(store, (record, e) -> true).ingest(events)).containsOnly(EventOutcome.DUPLICATE);
    }

    private static IngestEvents ingest(InMemoryEngagementStore store, StoredEventsListener listener) {
        return new IngestEvents(store, Runnable::run, CLOCK, NextDue.NEVER, MessageFeedbackListener.NONE,
                ArrivalWindow.DEFAULT, Warnings.NONE, listener);
    }
}
