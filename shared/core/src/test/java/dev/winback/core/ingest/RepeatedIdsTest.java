package dev.winback.core.ingest;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EventIds;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An event id is applied at most once, whatever date it comes back with: issue item 5. */
class RepeatedIdsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryEngagementStore store = new InMemoryEngagementStore();
    private final IngestEvents ingest = new IngestEvents(store, Runnable::run, java.time.Clock.systemUTC(), NextDue.NEVER);

    @Test
    void oneOrderSentWithThreeDates_isCountedOnce_andTheOtherDatesAreRefused() {
        List<EventOutcome> outcomes = ingest.ingest(List.of(order("o-1", START.plus(Duration.ofDays(3)))));
        outcomes = concat(outcomes, ingest.ingest(List.of(order("o-1", START.plus(Duration.ofDays(40))))));
        outcomes = concat(outcomes, ingest.ingest(List.of(order("o-1", START.plus(Duration.ofDays(90))))));

        assertThat(outcomes).containsExactly(EventOutcome.APPLIED, EventOutcome.CONFLICTING_ID,
                EventOutcome.CONFLICTING_ID);
        assertThat(record().purchases().orders()).isEqualTo(1);
        assertThat(record().purchases().spendByCurrency()).containsEntry("EUR", new BigDecimal("100.00"));
    }

    @Test
    void anExactRepeat_isADuplicate() {
        ingest.ingest(List.of(order("o-1", START)));
        assertThat(ingest.ingest(List.of(order("o-1", START.plusSeconds(60)))))
                .as("same id, same day").containsExactly(EventOutcome.DUPLICATE);
        assertThat(record().purchases().orders()).isEqualTo(1);
    }

    @Test
    void anArchivedIdResentWithARecentDate_isRecognised() {
        EngagementEvent first = order("o-old", START.plus(Duration.ofHours(1)));
        ingest.ingest(List.of(first));
        ingest.ingest(new RandomEvents(3, START.plus(Duration.ofDays(2)), Duration.ofDays(150)).forCustomer("c-1", 400));
        EngagementRecord before = record();
        assertThat(before.seen().ids()).as("archived, out of the window").doesNotContainKey(EventIds.hash("o-old"));
        long orders = before.purchases().orders();

        EngagementEvent resent = order("o-old", START.plus(Duration.ofDays(151)));
        assertThat(ingest.ingest(List.of(resent))).containsExactly(EventOutcome.CONFLICTING_ID);
        EngagementEvent sameDay = order("o-old", START.plus(Duration.ofHours(5)));
        assertThat(ingest.ingest(List.of(sameDay))).containsExactly(EventOutcome.DUPLICATE);
        EngagementEvent otherLateMonth = order("o-old", START.plus(Duration.ofDays(35)));
        assertThat(ingest.ingest(List.of(otherLateMonth))).as("late, under another month")
                .containsExactly(EventOutcome.CONFLICTING_ID);
        assertThat(record().purchases().orders()).isEqualTo(orders);
    }

    @Test
    void newEvents_rarelyReadTheArchive() {
        // A customer with a long history: a few hundred events, most of them archived.
        ingest.ingest(new RandomEvents(5, START, Duration.ofDays(150)).forCustomer("c-1", 250));
        assertThat(record().seen().archived().count()).isGreaterThan(150);
        int before = store.archiveLoads;
        RandomEvents fresh = new RandomEvents(6, START.plus(Duration.ofDays(151)), Duration.ofDays(30));
        int batches = 200;
        for (int i = 0; i < batches; i++) {
            EngagementEvent event = fresh.next("c-1");
            // Live traffic: each event newer than the last, so none is late and only the filter can send it to the archive.
            EngagementEvent renamed = new EngagementEvent("new-" + i, "c-1",
                    START.plus(Duration.ofDays(151)).plus(Duration.ofHours(i)), event.platform(), event.payload());
            assertThat(ingest.ingest(List.of(renamed))).containsExactly(EventOutcome.APPLIED);
        }
        // Only a false "maybe" of the record's filter reads the archive: well under one in ten.
        assertThat(store.archiveLoads - before).isLessThan(batches / 10);
    }

    private EngagementRecord record() {
        return store.get("c-1").record();
    }

    private static EngagementEvent order(String id, Instant at) {
        return new EngagementEvent(id, "c-1", at, Optional.empty(), new EventPayload.PurchaseCompleted("order-" + id,
                new BigDecimal("100.00"), "EUR", List.of(new LineItem("sku-1", "shoes", 1, new BigDecimal("100.00")))));
    }

    private static List<EventOutcome> concat(List<EventOutcome> a, List<EventOutcome> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
