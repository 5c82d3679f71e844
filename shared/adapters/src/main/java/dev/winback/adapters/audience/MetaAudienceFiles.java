package dev.winback.adapters.audience;

import dev.winback.core.audience.AudienceFiles;
import dev.winback.core.audience.AudienceRow;
import dev.winback.core.audience.AudienceSummary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An export's files under {@code audiences/<segment>/<started, UTC>/}: the customer-list CSV, the API
 * payloads of at most 10,000 rows each ({@code meta-payload-00001.json}, …) and, last, the manifest.
 * The CSV grows in a temporary file (a segment may not fit in memory) and goes up once complete; a
 * payload goes up as soon as it is full.
 */
public final class MetaAudienceFiles implements AudienceFiles {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AudienceObjects objects;

    public MetaAudienceFiles(AudienceObjects objects) {
        this.objects = objects;
    }

    @Override
    public Writer open(String segmentId, Instant startedAt) {
        String prefix = "audiences/" + segmentId + "/" + STAMP.format(startedAt) + "/";
        try {
            Path csv = Files.createTempFile("audience-", ".csv");
            BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
            out.write(MetaAudienceFormat.CSV_HEADER);
            return new FilesWriter(prefix, csv, out);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the audience file of segment " + segmentId, e);
        }
    }

    private final class FilesWriter implements Writer {
        private final String prefix;
        private final Path csv;
        private final BufferedWriter out;
        private final List<AudienceRow> batch = new ArrayList<>();
        private final List<String> payloadKeys = new ArrayList<>();

        FilesWriter(String prefix, Path csv, BufferedWriter out) {
            this.prefix = prefix;
            this.csv = csv;
            this.out = out;
        }

        @Override
        public void add(List<AudienceRow> rows) {
            try {
                for (AudienceRow row : rows) {
                    out.write(MetaAudienceFormat.csvLine(row));
                    batch.add(row);
                    if (batch.size() == MetaAudienceFormat.BATCH_LIMIT) putBatch();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing the audience file", e);
            }
        }

        @Override
        public List<String> finish(AudienceSummary summary) {
            try {
                out.close();
                if (!batch.isEmpty()) putBatch();
                String csvKey = prefix + "meta-custom-audience.csv";
                objects.put(csvKey, csv, "text/csv; charset=utf-8");
                String manifestKey = prefix + "manifest.json";
                objects.put(manifestKey, MetaAudienceFormat.manifest(summary, csvKey, payloadKeys), "application/json");
                List<String> keys = new ArrayList<>(payloadKeys);
                keys.addFirst(csvKey);
                keys.add(manifestKey);
                return keys;
            } catch (IOException e) {
                throw new UncheckedIOException("finishing the audience file", e);
            } finally {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException ignored) {
                    // A leftover temporary file holds hashes only and dies with the execution environment.
                }
            }
        }

        private void putBatch() {
            String key = prefix + "meta-payload-%05d.json".formatted(payloadKeys.size() + 1);
            objects.put(key, MetaAudienceFormat.payload(batch), "application/json");
            payloadKeys.add(key);
            batch.clear();
        }
    }
}
