package dev.winback.core.preferences;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.ingest.EventApplier;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.ingest.NextDue;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.winback.core.preferences.PreferenceChangesTest.CENTRE;
import static dev.winback.core.preferences.PreferenceChangesTest.NOW;
import static dev.winback.core.preferences.PreferenceChangesTest.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/** Showing and saving choices against the stored record: saved through ingestion, all or nothing, never for the erased. */
class SavePreferencesTest {

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final InMemoryEngagementStore store = new InMemoryEngagementStore();
    final IngestEvents ingest = new IngestEvents(store, Runnable::run, clock, NextDue.NEVER);
    final List<List<EngagementEvent>> batches = new ArrayList<>();
    EventApplier.Applied answer = EventApplier.Applied.ALL;
    final EventApplier events = batch -> {
        batches.add(batch);
        if (answer == EventApplier.Applied.ALL) ingest.ingest(batch);
        return answer;
    };
    final ShowPreferences show = new ShowPreferences(store, POLICY, clock);
    final SavePreferences save = new SavePreferences(store, events, POLICY, clock);

    SavePreferencesTest() {
        store.save(StoredRecord.absent("c-1"), new RecordUpdate.Result(PreferenceChangesTest.customer().record(), List.of(), Map.of(), List.of()));
    }

    @Test
    void aValidSubmission_isAppliedAndTheViewReadAfterwards() {
        SavePreferences.Outcome outcome = save.save("c-1", submission("categories.promotions", "off"), CENTRE);

        assertThat(outcome).isInstanceOfSatisfying(SavePreferences.Outcome.Saved.class, saved -> {
            assertThat(saved.changes()).isEqualTo(1);
            assertThat(saved.eventTypes()).hasSize(1);
            assertThat(saved.view().categories().get(MessageCategory.PROMOTIONS)).isFalse();
        });
        assertThat(show.of("c-1").orElseThrow().categories().get(MessageCategory.PROMOTIONS)).isFalse();
    }

    @Test
    void theSameChoicesAgain_changeNothing() {
        save.save("c-1", submission("categories.promotions", "off"), CENTRE);

        assertThat(save.save("c-1", submission("categories.promotions", "off"), CENTRE))
                .isInstanceOfSatisfying(SavePreferences.Outcome.Saved.class, saved -> assertThat(saved.changes()).isZero());
    }

    @Test
    void aSubmissionWithAnError_changesNothing_andNamesTheField() {
        StoredRecord before = store.get("c-1");

        assertThat(save.save("c-1", submission("categories.promotions", "off", "maxPerWeek", "many"), CENTRE))
                .isInstanceOfSatisfying(SavePreferences.Outcome.Refused.class, refused -> {
                    assertThat(refused.errors()).extracting(ChoiceError::field).containsExactly("maxPerWeek");
                    assertThat(refused.view()).isEqualTo(show.of("c-1").orElseThrow());
                });
        assertThat(batches).isEmpty();
        assertThat(store.get("c-1")).isEqualTo(before);
    }

    @Test
    void busyStorage_asksToSubmitAgain() {
        answer = EventApplier.Applied.TRY_AGAIN;

        assertThat(save.save("c-1", submission("categories.promotions", "off"), CENTRE))
                .isInstanceOf(SavePreferences.Outcome.TryAgain.class);
    }

    @Test
    void customersNeverStoredOrErased_areNotFound_andNothingIsApplied() {
        store.erase("c-1");

        for (String customer : List.of("c-1", "never-seen")) {
            assertThat(show.of(customer)).isEmpty();
            assertThat(save.save(customer, submission("categories.promotions", "off"), CENTRE))
                    .isInstanceOf(SavePreferences.Outcome.NotFound.class);
        }
        assertThat(batches).isEmpty();
    }

    private static PreferenceForm.Submission submission(String... fieldsAndValues) {
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) fields.put(fieldsAndValues[i], List.of(fieldsAndValues[i + 1]));
        return PreferenceForm.read(fields);
    }
}
