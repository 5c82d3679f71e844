package dev.winback.core.consent;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentLogTest {

    @Test
    void replayingTheLog_givesTheRecordsConsent_whateverTheArrivalOrderAndDuplicates() {
        Random shuffle = new Random(7);
        int withConsent = 0;
        for (int customer = 0; customer < 300; customer++) {
            String id = "c-" + customer;
            RandomEvents random = new RandomEvents(customer, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(90));
            List<EngagementEvent> events = new ArrayList<>(random.forCustomer(id, 40));
            events.addAll(events.subList(0, 10)); // redeliveries
            Collections.shuffle(events, shuffle);

            EngagementRecord record = EngagementRecord.empty(id);
            List<ConsentEntry> log = new ArrayList<>();
            for (int from = 0; from < events.size(); from += 7) {
                RecordUpdate.Result update = RecordUpdate.apply(record,
                        events.subList(from, Math.min(events.size(), from + 7)), Map.of());
                log.addAll(ConsentLog.entriesOf(update.applied()));
                record = update.record();
            }

            assertThat(ConsentLog.replay(id, log)).as(id).isEqualTo(ConsentLog.current(record));
            assertThat(log).extracting(ConsentEntry::eventId).doesNotHaveDuplicates();
            if (!log.isEmpty()) withConsent++;
        }
        assertThat(withConsent).as("the property was exercised").isGreaterThan(200);
    }
}
