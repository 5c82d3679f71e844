package dev.winback.core.audience;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static dev.winback.core.audience.MetaNormalisation.sha256;
import static org.assertj.core.api.Assertions.assertThat;

class ExportAudienceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String SEGMENT = "lapsed-app-users";

    private final AudienceCustomers customers = new AudienceCustomers();
    private final InMemorySegmentMembers members = new InMemorySegmentMembers();
    private final InMemoryAudienceFiles files = new InMemoryAudienceFiles();
    private final ExportAudience export = new ExportAudience(members, customers.store, files,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void export_whenMembersDiffer_keepsOnlyAdvertisingGrantsAndCountsEveryReason() {
        // An uninstaller who granted advertising on email: in, by email only (no grant on SMS).
        customers.contact("c-uninstaller", T0, " Uninstaller@Example.com ", "+15550100111")
                .apply("c-uninstaller", T0.plusSeconds(60), new EventPayload.AppUninstalled())
                .consent("c-uninstaller", T0, Channel.EMAIL, Purpose.ADVERTISING, true);
        // Granted on both channels: both addresses.
        customers.contact("c-both", T0, "both@example.com", "+44 844 412 4653")
                .consent("c-both", T0, Channel.EMAIL, Purpose.ADVERTISING, true)
                .consent("c-both", T0, Channel.SMS, Purpose.ADVERTISING, true);
        // Marketing consent is not advertising consent.
        customers.contact("c-marketing-only", T0, "marketing@example.com", null)
                .consent("c-marketing-only", T0, Channel.EMAIL, Purpose.MARKETING, true);
        // Granted, then withdrawn; a grant stamped earlier arriving later does not undo it.
        customers.contact("c-withdrawn", T0, "withdrawn@example.com", null)
                .consent("c-withdrawn", T0, Channel.EMAIL, Purpose.ADVERTISING, true)
                .consent("c-withdrawn", T0.plusSeconds(3600), Channel.EMAIL, Purpose.ADVERTISING, false)
                .consent("c-withdrawn", T0.plusSeconds(60), Channel.EMAIL, Purpose.ADVERTISING, true);
        // Withdrawn on SMS keeps the email out too.
        customers.contact("c-withdrawn-sms", T0, "withdrawn-sms@example.com", "+15550100222")
                .consent("c-withdrawn-sms", T0, Channel.EMAIL, Purpose.ADVERTISING, true)
                .consent("c-withdrawn-sms", T0, Channel.SMS, Purpose.ADVERTISING, false);
        // Advertising granted but the email unsubscribed: an opt-out is honoured whatever its purpose.
        customers.contact("c-unsubscribed", T0, "unsubscribed@example.com", null)
                .consent("c-unsubscribed", T0, Channel.EMAIL, Purpose.ADVERTISING, true)
                .apply("c-unsubscribed", T0.plusSeconds(60), new EventPayload.EmailSubscriptionChanged(EmailStatus.UNSUBSCRIBED));
        // Granted on email, but no address to match on.
        customers.consent("c-no-address", T0, Channel.EMAIL, Purpose.ADVERTISING, true);
        // A phone without a grant on SMS, no email: the missing consent is the reason, not the address.
        customers.contact("c-phone-only", T0, null, "+15550100333")
                .consent("c-phone-only", T0, Channel.EMAIL, Purpose.ADVERTISING, true);
        // Granted, then erased.
        customers.contact("c-erased", T0, "erased@example.com", null)
                .consent("c-erased", T0, Channel.EMAIL, Purpose.ADVERTISING, true);
        customers.store.erase("c-erased");
        members.add(SEGMENT, "c-uninstaller", "c-both", "c-marketing-only", "c-withdrawn", "c-withdrawn-sms",
                "c-unsubscribed", "c-no-address", "c-phone-only", "c-erased", "c-never-stored");

        AudienceExport result = export.export(SEGMENT, Optional.of(3));

        assertThat(files.rows()).containsExactly(
                new AudienceRow(Optional.of(sha256("both@example.com")), Optional.of(sha256("448444124653"))),
                new AudienceRow(Optional.of(sha256("uninstaller@example.com")), Optional.empty()));
        AudienceSummary summary = result.summary();
        assertThat(summary).isEqualTo(files.finished);
        assertThat(summary.segmentId()).isEqualTo(SEGMENT);
        assertThat(summary.definitionVersion()).contains(3);
        assertThat(summary.members()).isEqualTo(10);
        assertThat(summary.exported()).isEqualTo(2);
        assertThat(summary.emails()).isEqualTo(2);
        assertThat(summary.phones()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(Map.of(SkipReason.ERASED, 1L, SkipReason.UNKNOWN, 1L,
                SkipReason.WITHDRAWN, 3L, SkipReason.NO_CONSENT, 2L, SkipReason.NO_ADDRESS, 1L));
        assertThat(summary.startedAt()).isEqualTo(NOW);
        assertThat(result.fileKeys()).last().asString().endsWith("manifest.json");
    }

    @Test
    void export_whenSegmentIsLarge_readsAndAppendsOncePerPage() {
        int count = 2 * ExportAudience.PAGE + 7;
        for (int i = 0; i < count; i++) {
            String id = "c-%04d".formatted(i);
            customers.contact(id, T0, id + "@example.com", null).consent(id, T0, Channel.EMAIL, Purpose.ADVERTISING, true);
            members.add(SEGMENT, id);
        }

        AudienceExport result = export.export(SEGMENT, Optional.empty());

        assertThat(result.summary().exported()).isEqualTo(count);
        assertThat(files.rows()).hasSize(count).doesNotHaveDuplicates();
        assertThat(files.appends).hasSize(3);
        assertThat(members.pagesRead).isEqualTo(3);
    }

    @Test
    void export_whenSegmentIsEmptyOrUnknown_writesAnEmptyAudienceWithItsManifest() {
        AudienceExport result = export.export("no-such-segment", Optional.empty());

        assertThat(files.rows()).isEmpty();
        assertThat(result.summary().members()).isZero();
        assertThat(result.summary().skipped().values()).containsOnly(0L);
        assertThat(files.finished).isNotNull();
    }
}
