package dev.winback.core.ingest;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch's records are read for update, possibly stale; the version condition catches it. */
class StaleReadIngestTest {

    private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(START.plus(Duration.ofDays(2)), ZoneOffset.UTC);

    @Test
    void ingest_whenTheReadForUpdateIsStale_theWriteIsRefusedAndTheRecordIsReadAgainStrongly() {
        StaleStore store = new StaleStore();
        List<EngagementEvent> events = new RandomEvents(3, START, Duration.ofDays(1)).forCustomer("c-1", 2);
        new IngestEvents(store, Runnable::run, CLOCK, NextDue.NEVER).ingest(events.subList(0, 1));
        assertThat(store.records.get("c-1").version()).isEqualTo(1);

        // A read that misses the first write: the customer looks absent.
        List<EventOutcome> outcomes = new IngestEvents(store.stale(), Runnable::run, CLOCK, NextDue.NEVER)
                .ingest(events.subList(1, 2));

        assertThat(outcomes).containsExactly(EventOutcome.APPLIED);
        assertThat(store.records.get("c-1").version()).isEqualTo(2);
        assertThat(store.records.writes).isEqualTo(2);
        assertThat(store.strongLoads).isEqualTo(1);
        assertThat(store.loadsToUpdate).isEqualTo(2);
    }

    @Test
    void ingest_readsTheCustomerOfAFutureDatedEventStrongly_soAnErasedCustomersEventIsNeverKept() {
        StaleStore store = new StaleStore();
        EngagementEvent event = new RandomEvents(5, START, Duration.ofDays(1)).forCustomer("c-2", 1).getFirst();
        store.records.erase("c-2");
        // Dated a day after its receipt: refused, and kept as rejected unless the customer was erased.
        EngagementEvent futureDated = event.receivedBy(event.occurredAt().minus(Duration.ofDays(1)));

        List<EventOutcome> outcomes = new IngestEvents(store.stale(), Runnable::run, CLOCK, NextDue.NEVER)
                .ingest(List.of(futureDated));

        assertThat(outcomes).containsExactly(EventOutcome.ERASED);
        assertThat(store.loadsToUpdate).isZero();
    }

    /** In memory, where a read for update can be made to miss every write (absent records). */
    private static final class StaleStore implements EngagementStore {
        final InMemoryEngagementStore records = new InMemoryEngagementStore();
        boolean stale;
        int strongLoads;
        int loadsToUpdate;

        StaleStore stale() {
            stale = true;
            return this;
        }

        @Override
        public Map<String, StoredRecord> load(Collection<String> customerIds) {
            strongLoads++;
            return records.load(customerIds);
        }

        @Override
        public Map<String, StoredRecord> loadToUpdate(Collection<String> customerIds) {
            loadsToUpdate++;
            if (!stale) return records.load(customerIds);
            Map<String, StoredRecord> out = new HashMap<>();
            for (String id : new ArrayList<>(customerIds)) out.put(id, StoredRecord.absent(id));
            return out;
        }

        @Override
        public Map<YearMonth, ArchivedMonth> loadArchive(String customerId) {
            return records.loadArchive(customerId);
        }

        @Override
        public boolean save(StoredRecord previous, RecordUpdate.Result update, Optional<Instant> arm) {
            return records.save(previous, update, arm);
        }
    }
}
