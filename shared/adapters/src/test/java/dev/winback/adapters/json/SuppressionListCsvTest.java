package dev.winback.adapters.json;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.imports.ImportLine;
import dev.winback.core.imports.SuppressionListLine;
import dev.winback.core.imports.SuppressionRow;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionListCsvTest {

    final SuppressionListCsv csv = new SuppressionListCsv();

    List<SuppressionListLine> read(String... lines) {
        List<SuppressionListLine> out = new ArrayList<>();
        csv.read(List.of(lines).iterator()).forEachRemaining(out::add);
        return out;
    }

    static String reason(SuppressionListLine line) {
        return ((ImportLine.Rejected) ((SuppressionListLine.Decided) line).line()).reason();
    }

    @Test
    void theFixture_givesRowsForGoodLines_andReasonsNamingColumnsForBadOnes() throws Exception {
        List<SuppressionListLine> lines = new ArrayList<>();
        csv.read(Files.readAllLines(RepositoryRoot.events().resolve("suppression-list.csv")).iterator()).forEachRemaining(lines::add);

        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo(new SuppressionRow(2, Channel.EMAIL, "ana.lopez@example.com", Purpose.MARKETING,
                false, Optional.of(Instant.parse("2025-09-01T08:00:00Z")), Optional.empty(), Optional.empty()));
        assertThat(lines.get(2)).isEqualTo(new SuppressionRow(4, Channel.SMS, "+15550100777", Purpose.MARKETING,
                false, Optional.of(Instant.parse("2025-10-01T00:00:00Z")), Optional.empty(), Optional.empty()));
        assertThat(lines.get(4)).isEqualTo(new SuppressionRow(6, Channel.EMAIL, "no.user@example.com", Purpose.MARKETING,
                true, Optional.of(Instant.parse("2025-11-02T09:00:00Z")), Optional.of("192.0.2.10"), Optional.empty()));
        assertThat(reason(lines.get(5))).startsWith("status: a grant needs its date and its evidence");
        assertThat(reason(lines.get(6))).startsWith("email: must be an email address").doesNotContain("not-an-address");
        assertThat(((SuppressionListLine.Decided) lines.get(7)).line()).isEqualTo(new ImportLine.Blank(9));
        assertThat(reason(lines.get(8))).startsWith("phone: must be an E.164 phone number");
        assertThat(reason(lines.get(9))).isEqualTo("email, phone: give one address per row");
    }

    @Test
    void aChannelThatDoesNotMatchTheAddress_andUnknownWords_areRefused() {
        List<SuppressionListLine> lines = read("phone,channel,purpose,status",
                "+15550100777,email,,", "+15550100777,,promotions,", "+15550100777,,,maybe");

        assertThat(lines).extracting(SuppressionListCsvTest::reason).containsExactly(
                "channel: must be sms for a phone number",
                "purpose: must be marketing or transactional",
                "status: must be withdrawn (opted_out, unsubscribed, suppressed) or granted (opted_in, subscribed)");
    }

    @Test
    void aHeaderWithoutAnAddressColumn_rejectsEveryRow() {
        assertThat(read("name,status", "Ana,unsubscribed")).extracting(SuppressionListCsvTest::reason)
                .containsExactly("the header (line 1) names neither an email nor a phone column");
    }

    @Test
    void quotedFields_mayHoldCommasAndQuotes() {
        assertThat(SuppressionListCsv.fields("\"a,b\",\"say \"\"hi\"\"\",,c"))
                .containsExactly("a,b", "say \"hi\"", "", "c");
    }
}
