package dev.winback.adapters.json;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.imports.ImportKind;
import dev.winback.core.imports.ImportLine;
import dev.winback.core.imports.ImportedEvent;
import dev.winback.core.imports.LineProblem;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PinpointEndpointsTest {

    static final Path FIXTURE = RepositoryRoot.events().resolve("pinpoint-endpoint-export.jsonl");

    final PinpointEndpoints endpoints = new PinpointEndpoints();

    List<ImportLine> fixture() throws Exception {
        List<ImportLine> lines = new ArrayList<>();
        endpoints.read(Files.readAllLines(FIXTURE).iterator()).forEachRemaining(lines::add);
        return lines;
    }

    static ImportLine.Mapped mapped(ImportLine line) {
        assertThat(line).isInstanceOf(ImportLine.Mapped.class);
        return (ImportLine.Mapped) line;
    }

    static List<EventPayload> payloads(ImportLine.Mapped line, ImportKind kind) {
        return line.events().stream().filter(e -> e.kind() == kind).map(e -> e.event().payload()).toList();
    }

    @Test
    void anEmailEndpoint_becomesItsUsersAddress_timeZone_locale_country_andAttributes_datedByItsEffectiveDate() throws Exception {
        ImportLine.Mapped line = mapped(fixture().get(0));

        assertThat(line.events()).extracting(e -> e.event().customerId()).containsOnly("u-1001");
        assertThat(line.events()).extracting(e -> e.event().occurredAt())
                .containsOnly(Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(payloads(line, ImportKind.ADDRESS)).containsExactly(new EventPayload.ProfileUpdated(
                Optional.of("ana.lopez@example.com"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(payloads(line, ImportKind.ATTRIBUTE)).contains(
                new EventPayload.SurveyAnswered("country", "ES"),
                new EventPayload.SurveyAnswered("plan", "gold"),
                new EventPayload.SurveyAnswered("favoriteTeam", "Real Madrid"),
                new EventPayload.SurveyAnswered("interests", "running,yoga"),
                new EventPayload.ProfileUpdated(Optional.empty(), Optional.empty(), Optional.of("Europe/Madrid"),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                new EventPayload.ProfileUpdated(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("es-ES"), Optional.empty(), Optional.empty()));
        assertThat(payloads(line, ImportKind.OPT_OUT)).as("OptOut NONE is no consent: nothing is granted").isEmpty();
        assertThat(line.skipped()).isEmpty();
    }

    @Test
    void optOutAll_isAMarketingWithdrawalOnTheEndpointsChannel_fromPinpointImport() throws Exception {
        List<ImportLine> lines = fixture();

        assertThat(payloads(mapped(lines.get(1)), ImportKind.OPT_OUT)).containsExactly(new EventPayload.ConsentChanged(
                Channel.SMS, Purpose.MARKETING, false, "pinpoint-import", "pinpoint-optout"));
        assertThat(payloads(mapped(lines.get(3)), ImportKind.OPT_OUT)).extracting(p -> ((EventPayload.ConsentChanged) p).channel())
                .containsExactly(Channel.EMAIL);
        assertThat(payloads(mapped(lines.get(9)), ImportKind.OPT_OUT)).extracting(p -> ((EventPayload.ConsentChanged) p).channel())
                .containsExactly(Channel.PUSH);
    }

    @Test
    void anEndpointWithoutAUser_isItsOwnCustomer_andPushTokensArePushEndpoints() throws Exception {
        List<ImportLine> lines = fixture();

        assertThat(mapped(lines.get(3)).events()).extracting(e -> e.event().customerId()).containsOnly("ep-0004");
        assertThat(payloads(mapped(lines.get(2)), ImportKind.ADDRESS)).extracting(p -> ((EventPayload.ProfileUpdated) p).pushEndpoint())
                .containsExactly(Optional.of("5b8c2f0e9a1d4c7b8e3f6a2d1c0b9e8f7a6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b"));
    }

    @Test
    void anInactiveEndpoint_keepsItsOptOut_butNotItsAddress() throws Exception {
        ImportLine.Mapped line = mapped(fixture().get(4));

        assertThat(payloads(line, ImportKind.ADDRESS)).isEmpty();
        assertThat(payloads(line, ImportKind.OPT_OUT)).hasSize(1);
        assertThat(line.skipped()).extracting(LineProblem::reason).singleElement().asString().startsWith("Address: the endpoint is INACTIVE");
    }

    @Test
    void badLines_areRejectedWithTheirNumberAndAReasonThatNamesNoValue() throws Exception {
        List<ImportLine> lines = fixture();

        assertThat(lines.get(5)).isEqualTo(new ImportLine.Rejected(6, "not valid JSON"));
        assertThat(lines.get(6)).isInstanceOf(ImportLine.Rejected.class);
        assertThat(((ImportLine.Rejected) lines.get(6)).reason()).startsWith("User.UserId: must be an opaque customer id")
                .doesNotContain("user.as.id");
        assertThat(lines.get(7)).isEqualTo(new ImportLine.Rejected(8, "EffectiveDate: is required, as an ISO-8601 instant"));
        assertThat(lines.get(10)).isEqualTo(new ImportLine.Blank(11));
    }

    @Test
    void aBadPartOfALine_isSkippedAndNamed_whileTheRestImports() throws Exception {
        List<ImportLine> lines = fixture();

        ImportLine.Mapped voice = mapped(lines.get(8));
        assertThat(voice.skipped()).extracting(LineProblem::reason).containsExactly(
                "ChannelType: VOICE has no Winback channel; the address and opt-out are not imported");
        assertThat(payloads(voice, ImportKind.ATTRIBUTE)).containsExactly(new EventPayload.SurveyAnswered("country", "US"));

        ImportLine.Mapped badZone = mapped(lines.get(9));
        assertThat(badZone.skipped()).extracting(LineProblem::reason).singleElement().asString()
                .startsWith("Demographic.Timezone: must be an IANA time-zone name").doesNotContain("Mars");
        assertThat(payloads(badZone, ImportKind.ADDRESS)).hasSize(1);

        ImportLine.Mapped badPhone = mapped(lines.get(11));
        assertThat(badPhone.events()).isEmpty();
        assertThat(badPhone.skipped()).extracting(LineProblem::reason).singleElement().asString()
                .startsWith("Address: must be an E.164 phone number").doesNotContain("555-0100");
    }

    @Test
    void eventIds_areTheSameOnEveryRead_andDifferWhenTheEndpointChanges() throws Exception {
        List<String> first = fixture().stream().filter(ImportLine.Mapped.class::isInstance)
                .flatMap(l -> ((ImportLine.Mapped) l).events().stream()).map(e -> e.event().eventId()).toList();
        List<String> second = fixture().stream().filter(ImportLine.Mapped.class::isInstance)
                .flatMap(l -> ((ImportLine.Mapped) l).events().stream()).map(e -> e.event().eventId()).toList();
        assertThat(second).isEqualTo(first).doesNotHaveDuplicates();
        assertThat(first).allMatch(id -> id.matches("pinpoint:[0-9a-f]{32}"));

        String line = Files.readAllLines(FIXTURE).get(1);
        ImportedEvent before = mapped(endpoints.line(2, line)).events().getFirst();
        ImportedEvent later = mapped(endpoints.line(2, line.replace("2025-07-15T18:30", "2025-09-01T08:00"))).events().getFirst();
        assertThat(later.event().eventId()).isNotEqualTo(before.event().eventId());
    }

    @Test
    void attributeNames_becomeNamesTheRecordAccepts() {
        assertThat(PinpointEndpoints.attributeName("FavoriteTeam")).isEqualTo("favoriteTeam");
        assertThat(PinpointEndpoints.attributeName("Home Store")).isEqualTo("home_Store");
        assertThat(PinpointEndpoints.attributeName("plan")).isEqualTo("plan");
    }
}
