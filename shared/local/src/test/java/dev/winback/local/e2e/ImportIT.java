package dev.winback.local.e2e;

import dev.winback.adapters.config.Imports;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.imports.ImportKind;
import dev.winback.core.imports.ImportSummary;
import dev.winback.core.imports.LineProblem;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pinpoint export and the suppression list of {@code events/} imported through the real
 * ingestion into DynamoDB Local: what the records hold, that importing again changes nothing, and
 * that delivery never messages an address the list suppressed.
 */
class ImportIT {

    static final Path EVENTS = IngestFixture.templatePath().getParent().resolve("events");
    static final List<String> PINPOINT_CUSTOMERS = List.of("u-1001", "u-1002", "u-1003", "u-1004", "ep-0004");

    final IngestFixture f = IngestFixture.get();
    final Imports imports = new Imports(f.table, f.ingestion, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    ImportSummary pinpoint() {
        return read("pinpoint-endpoint-export.jsonl", imports::pinpoint);
    }

    ImportSummary suppressions() {
        return read("suppression-list.csv", imports::suppressions);
    }

    static ImportSummary read(String fixture, java.util.function.Function<InputStream, ImportSummary> importer) {
        try (InputStream in = Files.newInputStream(EVENTS.resolve(fixture))) {
            return importer.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EngagementRecord record(String customerId) {
        return f.records(List.of(customerId)).get(customerId).record();
    }

    ConsentGrant marketing(String customerId, Channel channel) {
        return record(customerId).channel(channel).consent().get(Purpose.MARKETING).value();
    }

    @Test
    void aPinpointExportWithOptOuts_imports_andImportingItAgainChangesNothing() {
        ImportSummary first = pinpoint();

        assertThat(first.linesRead()).isEqualTo(12);
        assertThat(first.rejected()).extracting(LineProblem::line).containsExactly(6L, 7L, 8L);
        assertThat(first.skipped()).extracting(LineProblem::line).containsExactly(5L, 9L, 10L, 12L);
        assertThat(first.customers()).isEqualTo(5);
        assertThat(first.stored()).containsEntry(ImportKind.ADDRESS, 5L).containsEntry(ImportKind.OPT_OUT, 4L)
                .containsEntry(ImportKind.ATTRIBUTE, 9L);
        assertThat(first.failed()).isZero();

        EngagementRecord ana = record("u-1001");
        assertThat(ana.profile().email().value()).isEqualTo("ana.lopez@example.com");
        assertThat(ana.profile().phone().value()).isEqualTo("+15550100123");
        assertThat(ana.profile().timezone().value()).isEqualTo("Europe/Madrid");
        assertThat(ana.profile().attributes()).containsKeys("country", "plan", "favoriteTeam", "interests");
        assertThat(marketing("u-1001", Channel.SMS)).isEqualTo(new ConsentGrant(false, "pinpoint-import", "pinpoint-optout"));
        assertThat(record("u-1001").channel(Channel.EMAIL).consent().values()).as("OptOut NONE grants nothing")
                .noneMatch(consent -> consent.value().granted());
        assertThat(marketing("u-1002", Channel.PUSH).granted()).isFalse();
        assertThat(marketing("u-1003", Channel.EMAIL).granted()).as("an inactive endpoint's opt-out still counts").isFalse();
        assertThat(record("u-1003").profile().email()).isNull();
        assertThat(f.table.contacts().ownersOfEmail("ana.lopez@example.com")).containsExactly("u-1001");

        Map<String, Long> versions = versions();
        ImportSummary again = pinpoint();

        assertThat(again.changes()).isZero();
        assertThat(again.duplicates()).isEqualTo(first.stored().values().stream().mapToLong(Long::longValue).sum());
        assertThat(again.rejected()).isEqualTo(first.rejected());
        assertThat(versions()).as("no record was written again").isEqualTo(versions);
    }

    Map<String, Long> versions() {
        return f.records(PINPOINT_CUSTOMERS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().version()));
    }

    @Test
    void aSuppressionList_withdrawsForKnownAddresses_suppressesUnknownOnes_andImportingItAgainChangesNothing() {
        pinpoint(); // the customers the list's known addresses belong to (a repeat changes nothing)

        ImportSummary first = suppressions();

        assertThat(first.linesRead()).isEqualTo(10);
        assertThat(first.rejected()).extracting(LineProblem::line).containsExactly(7L, 8L, 10L, 11L);
        assertThat(first.rejected()).extracting(LineProblem::reason).noneMatch(r -> r.contains("not-an-address") || r.contains("555-0100") || r.contains("both@") || r.contains("someone@"));
        assertThat(marketing("u-1001", Channel.EMAIL)).isEqualTo(new ConsentGrant(false, "suppression-import", "suppression-list"));
        assertThat(marketing("ep-0004", Channel.EMAIL).granted())
                .as("an evidenced grant newer than the Pinpoint opt-out, received after it, re-subscribes").isTrue();
        assertThat(f.table.contacts().suppressed(Channel.EMAIL, "never.seen@example.com")).isTrue();
        assertThat(f.table.contacts().suppressed(Channel.SMS, "+15550100777")).isTrue();
        assertThat(f.table.contacts().suppressed(Channel.EMAIL, "ana.lopez@example.com"))
                .as("a known address is withdrawn on its customer's record, not suppressed").isFalse();

        Map<String, Long> versions = versions();
        ImportSummary again = suppressions();

        assertThat(again.changes()).isZero();
        assertThat(again.rejected()).isEqualTo(first.rejected());
        assertThat(versions()).isEqualTo(versions);
    }

    @Test
    void anAddressTheListSuppressed_getsNoEmail_evenAfterACustomerGivesItWithConsent() {
        suppressions();
        List<String> sent = new CopyOnWriteArrayList<>();
        DeliveryFixture delivery = new DeliveryFixture(DeliveryIT.AFTERNOON, List.of(recording(sent)), UnaryOperator.identity());
        String customer = "imp-later-" + System.nanoTime();
        delivery.ingest(List.of(
                delivery.event(customer, new EventPayload.ProfileUpdated(Optional.of("never.seen@example.com"),
                        Optional.empty(), Optional.of("Europe/Madrid"), Optional.empty(), Optional.empty(), Optional.empty())),
                delivery.event(customer, new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED)),
                delivery.event(customer, new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "web", "v1"))));
        DeliveryRequest marketing = delivery.request(customer, "imp-1", Purpose.MARKETING, List.of(Channel.EMAIL));
        DeliveryRequest transactional = delivery.request(customer, "imp-2", Purpose.TRANSACTIONAL, List.of(Channel.EMAIL));

        assertThat(delivery.deliver(List.of(marketing))).isEmpty();
        assertThat(delivery.deliver(List.of(transactional))).isEmpty();

        assertThat(sent).isEmpty();
        assertThat(delivery.entry(marketing).status()).isEqualTo(LedgerStatus.FAILED);
        assertThat(delivery.entry(transactional).status()).isEqualTo(LedgerStatus.FAILED);
    }

    private static ChannelSender recording(List<String> sent) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                sent.add(message.messageId());
                return new SendResult.Accepted("p-" + message.messageId(), true);
            }
        };
    }
}
