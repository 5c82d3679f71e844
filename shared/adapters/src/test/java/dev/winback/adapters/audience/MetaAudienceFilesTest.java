package dev.winback.adapters.audience;

import dev.winback.adapters.json.EventJsonParser;
import dev.winback.adapters.testing.RecordsInMemory;
import dev.winback.core.audience.AudienceExport;
import dev.winback.core.audience.AudienceRow;
import dev.winback.core.audience.AudienceSummary;
import dev.winback.core.audience.ExportAudience;
import dev.winback.core.audience.SkipReason;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.ParseResult;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.segment.MemberPage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.winback.core.audience.MetaNormalisation.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audience of a fixture segment, from contract v1 events to the files: byte for byte Meta's
 * customer-list CSV and Marketing API payload (the expected files hold hashes computed outside Java),
 * with the customers who may not be there absent.
 */
class MetaAudienceFilesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");
    private static final String PREFIX = "audiences/lapsed-app-users/20261201T093000Z/";

    private final InMemoryAudienceObjects objects = new InMemoryAudienceObjects();

    @Test
    void export_whenFixtureSegment_writesMetasFormatsExactlyAndLeavesOutWhoMayNotBeThere() throws IOException {
        Map<String, StoredRecord> records = fixtureRecords();
        records.put("c-06-erased", StoredRecord.erased("c-06-erased"));
        ExportAudience export = new ExportAudience((segment, after, limit) -> MemberPage.last(List.copyOf(records.keySet())),
                new RecordsInMemory(records), new MetaAudienceFiles(objects), Clock.fixed(NOW, ZoneOffset.UTC));

        AudienceExport result = export.export("lapsed-app-users", Optional.of(2));

        assertThat(result.fileKeys()).containsExactly(PREFIX + "meta-custom-audience.csv",
                PREFIX + "meta-payload-00001.json", PREFIX + "manifest.json");
        assertThat(objects.objects.keySet()).as("the manifest goes last").last().isEqualTo(PREFIX + "manifest.json");
        assertThat(objects.text(PREFIX + "meta-custom-audience.csv")).isEqualTo(resource("expected-meta-custom-audience.csv"));
        assertThat(objects.text(PREFIX + "meta-payload-00001.json")).isEqualTo(resource("expected-meta-payload-00001.json"));
        String everything = String.join("\n", objects.objects.keySet().stream().map(objects::text).toList());
        for (String absent : List.of("marketing-only@example.com", "withdrawn@example.com", "erased@example.com",
                "15550100777", "15550100111")) {
            assertThat(everything).doesNotContain(absent).doesNotContain(sha256(absent));
        }
        assertThat(objects.text(PREFIX + "manifest.json")).isEqualTo("""
                {"format":"meta-custom-audience","segmentId":"lapsed-app-users","definitionVersion":2,\
                "startedAt":"2026-12-01T09:30:00Z","finishedAt":"2026-12-01T09:30:00Z",\
                "counts":{"members":7,"exported":3,"emails":2,"phones":2,\
                "skipped":{"erased":1,"unknown":0,"withdrawn":2,"no_consent":1,"no_address":0}},\
                "files":{"customerList":"%1$smeta-custom-audience.csv","apiPayloads":["%1$smeta-payload-00001.json"]},\
                "schema":["EMAIL_SHA256","PHONE_SHA256"],"batchLimit":10000}""".formatted(PREFIX));
    }

    @Test
    void finish_whenMoreThanABatch_splitsThePayloadsAtMetasLimit() {
        AudienceRow row = new AudienceRow(Optional.of("a".repeat(64)), Optional.empty());
        var writer = new MetaAudienceFiles(objects).open("big", NOW);
        writer.add(IntStream.range(0, MetaAudienceFormat.BATCH_LIMIT * 2 + 1).mapToObj(i -> row).toList());
        List<String> keys = writer.finish(new AudienceSummary("big", Optional.empty(), 20_001, 20_001, 20_001, 0,
                Map.of(SkipReason.NO_CONSENT, 0L), NOW, NOW));

        assertThat(keys).hasSize(5);
        String prefix = "audiences/big/20261201T093000Z/";
        assertThat(rows(prefix + "meta-payload-00001.json")).isEqualTo(MetaAudienceFormat.BATCH_LIMIT);
        assertThat(rows(prefix + "meta-payload-00002.json")).isEqualTo(MetaAudienceFormat.BATCH_LIMIT);
        assertThat(rows(prefix + "meta-payload-00003.json")).isEqualTo(1);
        assertThat(objects.text(prefix + "meta-custom-audience.csv").lines()).hasSize(20_002);
    }

    private int rows(String key) {
        return objects.text(key).split("\\],\\[", -1).length;
    }

    /** Every fixture customer's record, built from the fixture's contract v1 events in file order. */
    private static Map<String, StoredRecord> fixtureRecords() throws IOException {
        EventJsonParser parser = new EventJsonParser();
        Map<String, List<EngagementEvent>> events = new LinkedHashMap<>();
        for (String line : resource("fixture-events.jsonl").lines().toList()) {
            ParseResult parsed = parser.parse(line);
            assertThat(parsed).as(line).isInstanceOf(ParseResult.Parsed.class);
            EngagementEvent event = ((ParseResult.Parsed) parsed).event();
            events.computeIfAbsent(event.customerId(), id -> new ArrayList<>()).add(event);
        }
        Map<String, StoredRecord> records = new LinkedHashMap<>();
        events.forEach((id, list) -> records.put(id, new StoredRecord(
                RecordUpdate.apply(EngagementRecord.empty(id), list, Map.of()).record(), 1)));
        return records;
    }


    private static String resource(String name) throws IOException {
        try (InputStream in = MetaAudienceFilesTest.class.getResourceAsStream("/audience/" + name)) {
            if (in == null) throw new IOException("no test resource audience/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
