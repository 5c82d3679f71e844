package dev.winback.adapters.config;

import dev.winback.adapters.json.PinpointEndpoints;
import dev.winback.adapters.json.SuppressionListCsv;
import dev.winback.core.imports.ImportEvents;
import dev.winback.core.imports.ImportSummary;
import dev.winback.core.imports.ImportSuppressions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.time.Clock;

/**
 * The imports, over the same ingestion every event goes through: a Pinpoint endpoint export and
 * suppression or consent lists. Used by the import function and {@code scripts/import-pinpoint}.
 */
public final class Imports {

    /** One endpoint of an export, of a user no one is, at an address that cannot exist (.invalid). */
    static final String PRIMING_ENDPOINT = "{\"Id\":\"snapstart-priming\",\"ChannelType\":\"EMAIL\","
            + "\"Address\":\"priming@snapstart.invalid\",\"EndpointStatus\":\"ACTIVE\",\"OptOut\":\"NONE\","
            + "\"EffectiveDate\":\"2026-01-01T00:00:00.000Z\",\"Demographic\":{\"Timezone\":\"Europe/Madrid\","
            + "\"Locale\":\"es_ES\"},\"User\":{\"UserId\":\"snapstart-priming\"}}\n";
    static final String PRIMING_LIST = "email,phone,channel,purpose,status,date\n"
            + "priming@snapstart.invalid,,email,marketing,unsubscribed,2026-01-01T00:00:00Z\n";

    private final Ingestion ingestion;
    private final ImportEvents events;
    private final ImportSuppressions suppressions;

    public Imports(EngagementTable table, Ingestion ingestion, Clock clock) {
        this.ingestion = ingestion;
        this.events = new ImportEvents(ingestion.intake(), new JulWarnings(ImportEvents.class));
        this.suppressions = new ImportSuppressions(table.contacts(), table.store(), table.contacts(), clock);
    }

    /** A Pinpoint endpoint export: newline-delimited JSON, gzip-compressed or not. */
    public ImportSummary pinpoint(InputStream export) {
        return events.run(new PinpointEndpoints().read(ImportFiles.lines(export)));
    }

    /** A suppression or consent list: CSV with an email or phone column. */
    public ImportSummary suppressions(InputStream list) {
        return events.run(suppressions.lines(new SuppressionListCsv().read(ImportFiles.lines(list))));
    }

    /**
     * Before a SnapStart snapshot: both readers over in-memory samples (the export gzip-compressed, as
     * Pinpoint writes it), then the ingestion's priming. Nothing is applied and S3 is not called.
     */
    public void prime() {
        new PinpointEndpoints().read(ImportFiles.lines(new ByteArrayInputStream(gzip(PRIMING_ENDPOINT))))
                .forEachRemaining(line -> { });
        // Read only: matching the rows to owners would store the suppression of an address no one has.
        new SuppressionListCsv().read(ImportFiles.lines(
                new ByteArrayInputStream(PRIMING_LIST.getBytes(StandardCharsets.UTF_8)))).forEachRemaining(row -> { });
        ingestion.prime();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
