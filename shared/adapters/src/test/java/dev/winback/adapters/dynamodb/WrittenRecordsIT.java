package dev.winback.adapters.dynamodb;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.EventOutcome;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.ingest.NextDue;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance's last written records against DynamoDB Local: the next batch of a customer starts
 * from the record as written, and a write by anyone else in between (another instance, an erasure)
 * refuses the write from it, so nothing another writer stored is lost and no erased customer returns.
 */
class WrittenRecordsIT {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final CapacityMeter meter = new CapacityMeter();
    private final WrittenRecords written = new WrittenRecords(10);
    private final ContactIndex contacts = new ContactIndex(table.client(), table.name(),
            new ContactHashes(KeyMaterial.of("1", Map.of("1", new byte[32]))));
    private final DynamoDbEngagementStore thisInstance = new DynamoDbEngagementStore(table.client(), table.name(),
            meter, contacts, SegmentMembership.NONE, written);
    private final DynamoDbEngagementStore otherInstance =
            new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter(), contacts);
    private final Clock clock = Clock.fixed(T.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
    private final IngestEvents ours = new IngestEvents(thisInstance, Runnable::run, clock, NextDue.NEVER);
    private final IngestEvents theirs = new IngestEvents(otherInstance, Runnable::run, clock, NextDue.NEVER);

    @Test
    void theNextBatchOfACustomerThisInstanceWrote_startsFromTheWrittenRecord_withoutARead() {
        ours.ingest(List.of(session("e-1", T)));
        double readBefore = meter.readUnits();

        Map<String, StoredRecord> loaded = thisInstance.loadToUpdate(List.of("c-1"));

        assertThat(meter.readUnits()).isEqualTo(readBefore);
        assertThat(loaded.get("c-1")).isEqualTo(otherInstance.load(List.of("c-1")).get("c-1"));
        assertThat(ours.ingest(List.of(session("e-2", T.plusSeconds(10))))).containsExactly(EventOutcome.APPLIED);
        assertThat(stored().version()).isEqualTo(2);
    }

    @Test
    void aWithdrawalAnotherInstanceWroteInBetween_refusesTheWriteFromTheWrittenRecord_andIsKept() {
        ours.ingest(List.of(consent("e-1", true, T)));
        theirs.ingest(List.of(consent("e-2", false, T.plusSeconds(60))));

        // A grant stamped before the withdrawal, applied after it on the instance that wrote the grant.
        assertThat(ours.ingest(List.of(consent("e-3", true, T.plusSeconds(30)), session("e-4", T.plusSeconds(90)))))
                .containsExactly(EventOutcome.APPLIED, EventOutcome.APPLIED);

        StoredRecord stored = stored();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.record().channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value().granted()).isFalse();
        assertThat(thisInstance.loadToUpdate(List.of("c-1")).get("c-1")).isEqualTo(stored);
    }

    @Test
    void aCustomerErasedInBetween_isNeverWrittenAgainFromTheWrittenRecord() {
        ours.ingest(List.of(session("e-1", T)));
        new DynamoDbCustomerData(table.client(), table.name(), contacts).markErased("c-1", T.plusSeconds(1));

        assertThat(ours.ingest(List.of(consent("e-2", true, T.plusSeconds(30)), session("e-3", T.plusSeconds(40)))))
                .containsOnly(EventOutcome.ERASED);

        assertThat(stored().erased()).isTrue();
        assertThat(new DynamoDbCustomerData(table.client(), table.name(), contacts).items("c-1"))
                .as("no consent entry outlives the erasure").hasSize(1);
        assertThat(written.held("c-1")).isEmpty();
    }

    @Test
    void atMostItsCapacity_isKept_theLeastRecentlyUsedGoingFirst() {
        for (int i = 0; i < 12; i++) ours.ingest(List.of(new EngagementEvent("s-" + i, "c-" + i, T, Optional.of(Platform.APP),
                new EventPayload.SessionStarted(Platform.APP), T)));

        assertThat(written.size()).isEqualTo(10);
        assertThat(written.held("c-0")).isEmpty();
        assertThat(written.held("c-11")).isPresent();
    }

    private StoredRecord stored() {
        return otherInstance.load(List.of("c-1")).get("c-1");
    }

    private static EngagementEvent session(String id, Instant at) {
        return new EngagementEvent(id, "c-1", at, Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP), at);
    }

    private static EngagementEvent consent(String id, boolean granted, Instant at) {
        return new EngagementEvent(id, "c-1", at, Optional.empty(),
                new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, granted, "signup_form", "v1"), at);
    }
}
