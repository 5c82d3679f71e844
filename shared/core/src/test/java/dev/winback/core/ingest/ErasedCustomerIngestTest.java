package dev.winback.core.ingest;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.EngagementEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErasedCustomerIngestTest {

    private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void ingest_whenTheCustomerWasErased_dropsEveryEventAndWritesNothing() {
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        IngestEvents ingest = new IngestEvents(store, Runnable::run, java.time.Clock.systemUTC(), NextDue.NEVER);
        List<EngagementEvent> before = new RandomEvents(5, START, Duration.ofDays(30)).forCustomer("c-gone", 20);
        ingest.ingest(before);
        store.erase("c-gone");
        int writes = store.writes;

        List<EngagementEvent> later = new RandomEvents(6, START.plus(Duration.ofDays(60)), Duration.ofDays(30))
                .forCustomer("c-gone", 20);
        assertThat(ingest.ingest(later)).hasSize(20).containsOnly(EventOutcome.ERASED);
        assertThat(ingest.ingestRead(store.get("c-gone"), later.subList(0, 1))).containsExactly(EventOutcome.ERASED);

        assertThat(store.writes).isEqualTo(writes);
        assertThat(store.get("c-gone").erased()).isTrue();
    }

    @Test
    void ingest_anErasedCustomersFutureDatedEvent_isErased_notKeptAsRejected() {
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        Instant now = START.plus(Duration.ofDays(90));
        IngestEvents ingest = new IngestEvents(store, Runnable::run, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC),
                NextDue.NEVER);
        ingest.ingest(new RandomEvents(5, START, Duration.ofDays(30)).forCustomer("c-gone", 5));
        store.erase("c-gone");
        EngagementEvent template = new RandomEvents(7, START, Duration.ofDays(1)).next("c-gone");
        EngagementEvent ahead = new EngagementEvent("ahead-1", "c-gone", now.plus(Duration.ofHours(1)),
                template.platform(), template.payload());
        EngagementEvent otherAhead = new EngagementEvent("ahead-2", "c-other", now.plus(Duration.ofHours(1)),
                template.platform(), template.payload());

        assertThat(ingest.ingest(List.of(ahead, otherAhead)))
                .containsExactly(EventOutcome.ERASED, EventOutcome.FUTURE_DATED);
    }
}
