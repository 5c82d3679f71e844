package dev.winback.core.imports;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.feedback.ContactOwners;
import dev.winback.core.ingest.InMemoryEngagementStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ImportSuppressionsTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    final Map<String, List<String>> owners = Map.of("ana@example.com", List.of("c-1", "c-2"));
    final List<String> suppressedNow = new ArrayList<>();
    final SuppressionList list = new SuppressionList() {
        @Override
        public boolean suppressed(Channel channel, String address) {
            return suppressedNow.contains(channel + "/" + address);
        }

        @Override
        public void suppress(Channel channel, String address, Instant at) {
            suppressedNow.add(channel + "/" + address);
        }
    };
    final ContactOwners contacts = new ContactOwners() {
        @Override
        public List<String> ownersOfEmail(String address) {
            return owners.getOrDefault(address, List.of());
        }

        @Override
        public List<String> ownersOfPhone(String e164) {
            return List.of();
        }
    };
    final ImportSuppressions suppressions = new ImportSuppressions(contacts, new InMemoryEngagementStore(), list,
            Clock.fixed(NOW, ZoneOffset.UTC));

    static SuppressionRow withdrawal(String email, Optional<Instant> date) {
        return new SuppressionRow(2, Channel.EMAIL, email, Purpose.MARKETING, false, date, Optional.empty(), Optional.empty());
    }

    @Test
    void aKnownAddress_becomesAWithdrawalForEveryCustomerHoldingIt_fromSuppressionImport() {
        ImportLine.Mapped line = (ImportLine.Mapped) suppressions.line(withdrawal("ana@example.com",
                Optional.of(Instant.parse("2025-09-01T08:00:00Z"))));

        assertThat(line.events()).extracting(e -> e.event().customerId()).containsExactly("c-1", "c-2");
        assertThat(line.events()).extracting(ImportedEvent::kind).containsOnly(ImportKind.OPT_OUT);
        assertThat(line.events()).extracting(e -> e.event().payload()).containsOnly(new EventPayload.ConsentChanged(
                Channel.EMAIL, Purpose.MARKETING, false, "suppression-import", "suppression-list"));
        assertThat(line.events()).extracting(e -> e.event().occurredAt()).containsOnly(Instant.parse("2025-09-01T08:00:00Z"));
        assertThat(suppressedNow).isEmpty();
        assertThat(((ImportLine.Mapped) suppressions.line(withdrawal("ana@example.com",
                Optional.of(Instant.parse("2025-09-01T08:00:00Z"))))).events())
                .as("the same row, the same ids").extracting(e -> e.event().eventId())
                .isEqualTo(line.events().stream().map(e -> e.event().eventId()).toList());
    }

    @Test
    void anUnknownAddress_goesOnTheSuppressionListOnce() {
        ImportLine.Mapped first = (ImportLine.Mapped) suppressions.line(withdrawal("nobody@example.com", Optional.empty()));
        ImportLine.Mapped again = (ImportLine.Mapped) suppressions.line(withdrawal("nobody@example.com", Optional.empty()));

        assertThat(first.suppressed()).isEqualTo(1);
        assertThat(again.suppressed()).isZero();
        assertThat(suppressedNow).containsExactly("EMAIL/nobody@example.com");
    }

    @Test
    void aGrantForAnUnknownAddress_isSkippedWithItsReason() {
        ImportLine.Mapped line = (ImportLine.Mapped) suppressions.line(new SuppressionRow(3, Channel.EMAIL,
                "nobody@example.com", Purpose.MARKETING, true, Optional.of(NOW.minusSeconds(60)),
                Optional.of("192.0.2.1"), Optional.empty()));

        assertThat(line.events()).isEmpty();
        assertThat(line.skipped()).extracting(LineProblem::reason)
                .containsExactly("status: a grant for an address no customer holds is not kept");
        assertThat(suppressedNow).isEmpty();
    }
}
