package dev.winback.adapters.dynamodb;

import dev.winback.core.consent.ConsentEntry;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The engagement store against DynamoDB Local, as the core's EngagementStore port sees it. */
class DynamoDbEngagementStoreIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final DynamoDbEngagementStore store =
            new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter());

    @Test
    void load_ofAnUnknownCustomer_isAbsent() {
        assertThat(store.load(List.of("c-none"))).containsEntry("c-none", StoredRecord.absent("c-none"));
        assertThat(store.find("c-none")).isNull();
    }

    @Test
    void save_thenLoad_returnsWhatWasSaved_withTheNextVersionAndTheArmedTimer() {
        RecordUpdate.Result update = update(EngagementRecord.empty("c-1"), session("e-1", "c-1", AT));

        assertThat(store.save(StoredRecord.absent("c-1"), update, Optional.of(AT.plusSeconds(3600)))).isTrue();

        StoredRecord loaded = store.load(List.of("c-1")).get("c-1");
        assertThat(loaded.record()).isEqualTo(update.record());
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.dueAt()).contains(AT.plusSeconds(3600));
        assertThat(store.load(List.of("c-1"), false).get("c-1").record()).isEqualTo(update.record());
        assertThat(store.find("c-1")).isEqualTo(loaded);
    }

    @Test
    void save_withoutArm_leavesTheTimerAsItWas() {
        store.save(StoredRecord.absent("c-1"), update(EngagementRecord.empty("c-1"), session("e-1", "c-1", AT)),
                Optional.of(AT.plusSeconds(60)));
        StoredRecord first = store.load(List.of("c-1")).get("c-1");

        assertThat(store.save(first, update(first.record(), session("e-2", "c-1", AT.plusSeconds(5))))).isTrue();

        StoredRecord second = store.load(List.of("c-1")).get("c-1");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.dueAt()).contains(AT.plusSeconds(60));
    }

    @Test
    void save_refusesAStaleVersion_andKeepsTheNewerRecord() {
        StoredRecord absent = StoredRecord.absent("c-1");
        RecordUpdate.Result first = update(absent.record(), session("e-1", "c-1", AT));
        assertThat(store.save(absent, first)).isTrue();

        // A second writer that read before the first write: the record was absent then.
        assertThat(store.save(absent, update(absent.record(), session("e-2", "c-1", AT)))).isFalse();

        StoredRecord v1 = store.load(List.of("c-1")).get("c-1");
        assertThat(store.save(v1, update(v1.record(), session("e-3", "c-1", AT.plusSeconds(1))))).isTrue();
        // A writer still holding version 1.
        assertThat(store.save(v1, update(v1.record(), session("e-4", "c-1", AT.plusSeconds(2))))).isFalse();

        StoredRecord stored = store.load(List.of("c-1")).get("c-1");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.record()).isNotEqualTo(first.record());
    }

    @Test
    void load_returnsManyCustomersAtOnce_absentOnesIncluded() {
        for (int i = 0; i < 120; i++) {
            String id = "c-" + i;
            store.save(StoredRecord.absent(id), update(EngagementRecord.empty(id), session("e-" + i, id, AT)));
        }

        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) ids.add("c-" + i);
        ids.add("c-unknown");
        Map<String, StoredRecord> loaded = store.load(ids);

        assertThat(loaded).hasSize(121);
        assertThat(loaded.get("c-119").version()).isEqualTo(1);
        assertThat(loaded.get("c-119").record().customerId()).isEqualTo("c-119");
        assertThat(loaded.get("c-unknown").version()).isZero();
    }

    @Test
    void archiveAdditions_areWrittenWithTheRecord_andLoadArchiveReturnsThem() {
        YearMonth month = YearMonth.of(2026, 8);
        RecordUpdate.Result base = update(EngagementRecord.empty("c-1"), session("e-1", "c-1", AT));
        RecordUpdate.Result withArchive = new RecordUpdate.Result(base.record(), base.outcomes(),
                Map.of(month, new ArchivedMonth(month, Set.of(11L, 12L), Set.of(20_300L))), base.applied());

        assertThat(store.save(StoredRecord.absent("c-1"), withArchive)).isTrue();
        // Archiving the same ids again is harmless, and adds new ones.
        StoredRecord v1 = store.load(List.of("c-1")).get("c-1");
        assertThat(store.save(v1, new RecordUpdate.Result(base.record(), base.outcomes(),
                Map.of(month, new ArchivedMonth(month, Set.of(12L, 13L), Set.of())), List.of()))).isTrue();

        Map<YearMonth, ArchivedMonth> archive = store.loadArchive("c-1");
        assertThat(archive).containsOnlyKeys(month);
        assertThat(archive.get(month).eventHashes()).containsExactlyInAnyOrder(11L, 12L, 13L);
        assertThat(archive.get(month).purchaseDays()).containsExactly(20_300L);
        assertThat(store.loadArchive("c-2")).isEmpty();
    }

    @Test
    void aStaleWriteWithAnArchive_isRefusedWhole() {
        YearMonth month = YearMonth.of(2026, 8);
        store.save(StoredRecord.absent("c-1"), update(EngagementRecord.empty("c-1"), session("e-1", "c-1", AT)));
        RecordUpdate.Result base = update(EngagementRecord.empty("c-1"), session("e-2", "c-1", AT));

        boolean saved = store.save(StoredRecord.absent("c-1"), new RecordUpdate.Result(base.record(), base.outcomes(),
                Map.of(month, new ArchivedMonth(month, Set.of(99L), Set.of())), base.applied()));

        assertThat(saved).isFalse();
        assertThat(store.loadArchive("c-1")).isEmpty();
    }

    @Test
    void consentChanges_areLoggedWithTheRecord() {
        EngagementEvent consent = new EngagementEvent("e-consent", "c-1", AT, Optional.of(Platform.WEB),
                new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup-form", "w-3"));

        store.save(StoredRecord.absent("c-1"), update(EngagementRecord.empty("c-1"), consent));

        List<ConsentEntry> log = ConsentItems.read(table.client(), table.name(), "c-1");
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo("e-consent");
            assertThat(entry.channel()).isEqualTo(Channel.EMAIL);
            assertThat(entry.purpose()).isEqualTo(Purpose.MARKETING);
            assertThat(entry.granted()).isTrue();
            assertThat(entry.wordingVersion()).isEqualTo("w-3");
        });
    }

    @Test
    void anErasedCustomer_loadsAsErased_andNoWriteBringsThemBack() {
        table.client().putItem(b -> b.tableName(table.name())
                .item(DynamoDbEngagementStore.erasedMarker("c-1", AT)));

        assertThat(store.load(List.of("c-1")).get("c-1").erased()).isTrue();
        assertThat(store.find("c-1")).isNull();
        assertThat(store.save(StoredRecord.absent("c-1"),
                update(EngagementRecord.empty("c-1"), session("e-1", "c-1", AT)))).isFalse();
        assertThat(store.load(List.of("c-1")).get("c-1").erased()).isTrue();
    }

    @Test
    void profileAttributes_andAReview_surviveTheStore() {
        RecordUpdate.Result answered = update(EngagementRecord.empty("c-1"), new EngagementEvent("e-1", "c-1", AT,
                Optional.empty(), new EventPayload.SurveyAnswered("favouriteSport", "trail running"), AT));
        store.save(StoredRecord.absent("c-1"), answered);
        StoredRecord first = store.load(List.of("c-1")).get("c-1");
        RecordUpdate.Result reviewed = update(first.record(), new EngagementEvent("e-2", "c-1", AT.plusSeconds(5),
                Optional.empty(), new EventPayload.ReviewSubmitted(Optional.of("o-1"), Optional.empty(), 5), AT.plusSeconds(5)));

        assertThat(store.save(first, reviewed)).isTrue();

        EngagementRecord loaded = store.load(List.of("c-1")).get("c-1").record();
        assertThat(loaded).isEqualTo(reviewed.record());
        assertThat(loaded.profile().attributes()).containsOnlyKeys("favouriteSport");
        assertThat(loaded.recent()).extracting(e -> e.type()).containsExactly("review_submitted", "survey_answered");
    }

    private static RecordUpdate.Result update(EngagementRecord record, EngagementEvent event) {
        return RecordUpdate.apply(record, List.of(event), Map.of());
    }

    private static EngagementEvent session(String eventId, String customerId, Instant at) {
        return new EngagementEvent(eventId, customerId, at, Optional.of(Platform.APP),
                new EventPayload.SessionStarted(Platform.APP), at);
    }
}
