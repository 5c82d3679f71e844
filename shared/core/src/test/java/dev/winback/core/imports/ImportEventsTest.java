package dev.winback.core.imports;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.EventFormat;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.ingest.NextDue;
import dev.winback.core.ingest.ParseResult;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ImportEventsTest {

    static final Instant IMPORTED_AT = Instant.parse("2026-12-01T00:00:00Z");
    static final EventFormat NO_FORMAT = new EventFormat() {
        @Override
        public ParseResult parse(String body) {
            return ParseResult.Invalid.of(new FieldError("$", "not used"));
        }

        @Override
        public String write(EngagementEvent event) {
            return event.eventId();
        }
    };

    final InMemoryEngagementStore store = new InMemoryEngagementStore();
    Clock clock = Clock.fixed(IMPORTED_AT, ZoneOffset.UTC);

    ImportEvents importer() {
        IngestEvents ingest = new IngestEvents(store, Runnable::run, clock, NextDue.NEVER);
        EventIntake intake = new EventIntake(ingest, NO_FORMAT, (source, id, body, errors, omitted, at) -> { },
                Warnings.NONE, clock);
        return new ImportEvents(intake, Warnings.NONE);
    }

    static EngagementEvent event(String id, String customer, Instant at, EventPayload payload) {
        return new EngagementEvent(id, customer, at, Optional.empty(), payload);
    }

    static EventPayload.ConsentChanged consent(boolean granted, String source) {
        return new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, granted, source, "v1");
    }

    static final Instant OPTED_OUT_AT = Instant.parse("2025-04-11T12:00:00Z");

    List<ImportLine> file() {
        return List.of(
                new ImportLine.Mapped(1, List.of(
                        new ImportedEvent(ImportKind.ADDRESS, event("pinpoint:a1", "c-1", OPTED_OUT_AT,
                                new EventPayload.ProfileUpdated(Optional.of("a@example.com"), Optional.empty(),
                                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))),
                        new ImportedEvent(ImportKind.OPT_OUT, event("pinpoint:o1", "c-1", OPTED_OUT_AT,
                                consent(false, "pinpoint-import")))),
                        List.of(new LineProblem(1, "Demographic.Timezone: must be an IANA time-zone name"))),
                new ImportLine.Rejected(2, "not valid JSON"),
                new ImportLine.Blank(3),
                new ImportLine.Mapped(4, List.of(new ImportedEvent(ImportKind.ATTRIBUTE,
                        event("pinpoint:t1", "c-2", OPTED_OUT_AT, new EventPayload.SurveyAnswered("country", "ES")))),
                        List.of()));
    }

    ConsentGrant emailMarketing(String customer) {
        EngagementRecord record = store.load(List.of(customer)).get(customer).record();
        return record.channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value();
    }

    @Test
    void aFile_isCountedByKind_withRejectedLinesAndSkippedParts_andABadLineStopsNothing() {
        ImportSummary summary = importer().run(file().iterator());

        assertThat(summary.linesRead()).isEqualTo(4);
        assertThat(summary.customers()).isEqualTo(2);
        assertThat(summary.stored()).containsEntry(ImportKind.ADDRESS, 1L).containsEntry(ImportKind.OPT_OUT, 1L)
                .containsEntry(ImportKind.ATTRIBUTE, 1L).containsEntry(ImportKind.GRANT, 0L);
        assertThat(summary.changes()).isEqualTo(3);
        assertThat(summary.rejected()).containsExactly(new LineProblem(2, "not valid JSON"));
        assertThat(summary.skipped()).hasSize(1);
        assertThat(emailMarketing("c-1").granted()).isFalse();
    }

    @Test
    void importingTheSameFileAgain_changesNothing_everyEventIsADuplicate() {
        importer().run(file().iterator());
        long version = store.load(List.of("c-1")).get("c-1").version();

        ImportSummary again = importer().run(file().iterator());

        assertThat(again.changes()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.stored()).containsEntry(ImportKind.OPT_OUT, 1L);
        assertThat(store.load(List.of("c-1")).get("c-1").version()).isEqualTo(version);
    }

    @Test
    void anImportedWithdrawal_beatsAGrantReceivedBeforeIt_evenWhenTheGrantClaimsALaterDate() {
        clock = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
        importer().run(List.<ImportLine>of(new ImportLine.Mapped(1, List.of(new ImportedEvent(ImportKind.GRANT,
                event("form-1", "c-1", Instant.parse("2026-10-31T00:00:00Z"), consent(true, "signup-form")))),
                List.of())).iterator());
        assertThat(emailMarketing("c-1").granted()).isTrue();

        clock = Clock.fixed(IMPORTED_AT, ZoneOffset.UTC);
        importer().run(file().iterator());

        assertThat(emailMarketing("c-1")).isEqualTo(new ConsentGrant(false, "pinpoint-import", "v1"));
    }

    @Test
    void aGrantReceivedAfterTheImport_andNewerByItsClaim_reopensTheChannel_asAReSubscriptionDoes() {
        importer().run(file().iterator());

        clock = Clock.fixed(IMPORTED_AT.plusSeconds(3600), ZoneOffset.UTC);
        importer().run(List.<ImportLine>of(new ImportLine.Mapped(1, List.of(new ImportedEvent(ImportKind.GRANT,
                event("form-2", "c-1", IMPORTED_AT.plusSeconds(3000), consent(true, "signup-form")))),
                List.of())).iterator());

        assertThat(emailMarketing("c-1").granted()).isTrue();
    }
}
