package dev.winback.local.e2e;

import dev.winback.adapters.dynamodb.ConsentItems;
import dev.winback.core.consent.ConsentEntry;
import dev.winback.core.consent.ConsentLog;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent log as ingestion writes it into DynamoDB Local, next to the record. */
class ConsentLogIT {

    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void everyConsentChange_isLoggedOnce_andReplayingTheLogGivesTheStoredConsent() {
        String customer = "consent-log-1";
        Instant t = Instant.parse("2026-10-01T10:00:00Z");
        List<EngagementEvent> events = new ArrayList<>(List.of(
                event(customer, "cl-1", t, new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true,
                        "signup-form", "2026-09", Optional.of("m-1"), Optional.of("192.0.2.1"))),
                event(customer, "cl-2", t.plusSeconds(10), new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED)),
                event(customer, "cl-3", t.plusSeconds(20), new EventPayload.SessionStarted(Platform.APP)),
                event(customer, "cl-4", t.plusSeconds(3600), new EventPayload.ConsentChanged(Channel.EMAIL,
                        Purpose.MARKETING, false, "one-click", "rfc8058-v1")),
                event(customer, "cl-5", t.plusSeconds(3600), new EventPayload.ConsentChanged(Channel.EMAIL,
                        Purpose.MARKETING, true, "signup-form", "2026-09")),
                event(customer, "cl-6", t.plusSeconds(7200), new EventPayload.SmsSubscriptionChanged(
                        dev.winback.core.event.SmsStatus.UNSUBSCRIBED))));
        Collections.shuffle(events, new Random(3));
        assertThat(fixture.sendBodies(events.stream().map(fixture::json).toList())).isEmpty();
        // Redelivered: nothing new in the log.
        assertThat(fixture.sendBodies(events.subList(0, 3).stream().map(fixture::json).toList())).isEmpty();

        List<ConsentEntry> log = ConsentItems.read(fixture.clients.dynamoDb(), fixture.config.tableName(), customer);
        StoredRecord stored = fixture.records(List.of(customer)).get(customer);

        assertThat(log).extracting(ConsentEntry::eventId).containsExactly("cl-1", "cl-2", "cl-4", "cl-5", "cl-6");
        assertThat(log.getFirst().ipAddress()).contains("192.0.2.1");
        assertThat(log.getFirst().messageId()).contains("m-1");
        assertThat(ConsentLog.replay(customer, log)).isEqualTo(ConsentLog.current(stored.record()));
        assertThat(stored.record().channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value().granted())
                .as("at the same instant the withdrawal wins").isFalse();
    }

    @Test
    void ordinaryEvents_writeNoLogEntries() {
        String customer = "consent-log-2";
        Instant t = Instant.parse("2026-10-02T10:00:00Z");
        assertThat(fixture.sendBodies(List.of(fixture.json(event(customer, "ord-1", t,
                new EventPayload.SessionStarted(Platform.WEB)))))).isEmpty();
        assertThat(ConsentItems.read(fixture.clients.dynamoDb(), fixture.config.tableName(), customer)).isEmpty();
    }

    static EngagementEvent event(String customer, String id, Instant at, EventPayload payload) {
        Optional<Platform> platform = payload instanceof EventPayload.SessionStarted s ? Optional.of(s.platform())
                : Optional.empty();
        return new EngagementEvent(id, customer, at, platform, payload);
    }
}
