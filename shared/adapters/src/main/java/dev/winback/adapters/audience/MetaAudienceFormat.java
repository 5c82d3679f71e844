package dev.winback.adapters.audience;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.audience.AudienceRow;
import dev.winback.core.audience.AudienceSummary;
import dev.winback.core.audience.SkipReason;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Meta's Custom Audience formats for hashed customer lists. The file for Ads Manager's customer-list
 * upload is a CSV with Meta's column headers {@code email,phone}, one customer a line, a missing
 * value left empty. The Marketing API body for {@code POST /{audience_id}/users} is
 * {@code {"payload":{"schema":["EMAIL_SHA256","PHONE_SHA256"],"data":[[email, phone], ...]}}} with at
 * most {@link #BATCH_LIMIT} rows a request, a missing value as "". Values are lower-case hex SHA-256,
 * so neither format needs quoting.
 */
public final class MetaAudienceFormat {

    /** Meta takes at most this many rows in one request to an audience's users. */
    public static final int BATCH_LIMIT = 10_000;
    public static final List<String> SCHEMA = List.of("EMAIL_SHA256", "PHONE_SHA256");
    public static final String CSV_HEADER = "email,phone\n";

    private static final JsonFactory JSON = new JsonFactory();

    private MetaAudienceFormat() {
    }

    public static String csvLine(AudienceRow row) {
        return row.emailSha256().orElse("") + "," + row.phoneSha256().orElse("") + "\n";
    }

    public static byte[] payload(List<AudienceRow> rows) {
        if (rows.size() > BATCH_LIMIT) throw new IllegalArgumentException("a Meta request takes at most 10,000 rows");
        return json(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("payload");
            g.writeArrayFieldStart("schema");
            for (String key : SCHEMA) g.writeString(key);
            g.writeEndArray();
            g.writeArrayFieldStart("data");
            for (AudienceRow row : rows) {
                g.writeStartArray();
                g.writeString(row.emailSha256().orElse(""));
                g.writeString(row.phoneSha256().orElse(""));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** What the export did and where its files are; counts only, never an address or a hash. */
    public static byte[] manifest(AudienceSummary summary, String csvKey, List<String> payloadKeys) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("format", "meta-custom-audience");
            g.writeStringField("segmentId", summary.segmentId());
            if (summary.definitionVersion().isPresent()) {
                g.writeNumberField("definitionVersion", summary.definitionVersion().get());
            }
            g.writeStringField("startedAt", summary.startedAt().toString());
            g.writeStringField("finishedAt", summary.finishedAt().toString());
            g.writeObjectFieldStart("counts");
            g.writeNumberField("members", summary.members());
            g.writeNumberField("exported", summary.exported());
            g.writeNumberField("emails", summary.emails());
            g.writeNumberField("phones", summary.phones());
            g.writeObjectFieldStart("skipped");
            for (SkipReason reason : SkipReason.values()) g.writeNumberField(reason.wireName(), summary.skipped().get(reason));
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("files");
            g.writeStringField("customerList", csvKey);
            g.writeArrayFieldStart("apiPayloads");
            for (String key : payloadKeys) g.writeString(key);
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("schema");
            for (String key : SCHEMA) g.writeString(key);
            g.writeEndArray();
            g.writeNumberField("batchLimit", BATCH_LIMIT);
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON in memory", e);
        }
        return out.toByteArray();
    }
}
