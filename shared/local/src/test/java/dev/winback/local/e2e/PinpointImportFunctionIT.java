package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Imports;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ConsentGrant;
import dev.winback.functions.imports.ImportPinpointComposition;
import dev.winback.functions.imports.ImportPinpointHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import function as S3 invokes it: the fixture export put into a bucket on moto, the handler's
 * composition over DynamoDB Local. The fixture's customers are the ones {@link ImportIT} imports with
 * the script, so the assertions hold whichever test runs first.
 */
class PinpointImportFunctionIT {

    private final IngestFixture f = IngestFixture.get();

    @Test
    void anExportWrittenToTheBucket_imports_itsOptOutsBecomeWithdrawals_andASecondInvocationChangesNothing()
            throws IOException {
        String endpoint = MotoEndpoint.require();
        byte[] export = Files.readAllBytes(ImportIT.EVENTS.resolve("pinpoint-endpoint-export.jsonl"));
        String bucket = "winback-pinpoint-import-" + UUID.randomUUID();
        try (S3Client s3 = s3(endpoint)) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("exports/endpoints.jsonl"), RequestBody.fromBytes(export));
            // As Pinpoint writes it: compressed, under a key S3 URL-encodes in the notification.
            s3.putObject(b -> b.bucket(bucket).key("exports/job 42/endpoints.gz"), RequestBody.fromBytes(gzip(export)));
            Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
            ImportPinpointHandler handler = new ImportPinpointHandler(
                    new ImportPinpointComposition(new Imports(f.table, f.ingestion, clock), s3));

            Map<String, Object> first = handler.handleRequest(created(bucket, "exports/endpoints.jsonl"), null);

            assertThat(counts(first, "exports/endpoints.jsonl")).containsEntry("linesRead", 12L)
                    .containsEntry("customers", 5L).containsEntry("stored_address", 5L)
                    .containsEntry("stored_opt_out", 4L).containsEntry("stored_attribute", 9L)
                    .containsEntry("rejectedLines", 3L).containsEntry("failed", 0L);
            assertThat(marketing("u-1001", Channel.SMS))
                    .isEqualTo(new ConsentGrant(false, "pinpoint-import", "pinpoint-optout"));
            assertThat(marketing("u-1002", Channel.PUSH).source()).isEqualTo("pinpoint-import");
            assertThat(marketing("u-1003", Channel.EMAIL).granted()).isFalse();
            Map<String, Long> versions = versions();

            Map<String, Object> again = handler.handleRequest(created(bucket, "exports/job 42/endpoints.gz"), null);

            assertThat(counts(again, "exports/job 42/endpoints.gz")).containsEntry("linesRead", 12L)
                    .containsEntry("stored_opt_out", 4L).containsEntry("changes", 0L).containsEntry("failed", 0L);
            assertThat(versions()).as("no record was written again").isEqualTo(versions);
        }
    }

    @Test
    void anObjectDeletedBeforeItsImportRan_isAnsweredGone_notRetried() {
        String endpoint = MotoEndpoint.require();
        String bucket = "winback-pinpoint-import-" + UUID.randomUUID();
        try (S3Client s3 = s3(endpoint)) {
            s3.createBucket(b -> b.bucket(bucket));
            ImportPinpointHandler handler = new ImportPinpointHandler(new ImportPinpointComposition(
                    new Imports(f.table, f.ingestion, Clock.systemUTC()), s3));

            assertThat(handler.handleRequest(created(bucket, "exports/deleted.jsonl"), null))
                    .isEqualTo(Map.of("exports/deleted.jsonl", "gone"));
        }
    }

    @Test
    void eventsThatCouldNotBeStoredNow_failTheInvocation_soThatLambdaRetriesTheImport() {
        String endpoint = MotoEndpoint.require();
        String bucket = "winback-pinpoint-import-" + UUID.randomUUID();
        try (S3Client s3 = s3(endpoint)) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("endpoints.jsonl"),
                    RequestBody.fromFile(ImportIT.EVENTS.resolve("pinpoint-endpoint-export.jsonl")));
            Clock clock = Clock.systemUTC();
            // A table that is not there: every write fails as an outage would.
            EngagementTable missing = new EngagementTable(new WinbackConfig("winback-no-such-table", "winback-test"),
                    f.clients, clock);
            ImportPinpointHandler handler = new ImportPinpointHandler(new ImportPinpointComposition(
                    new Imports(missing, new Ingestion(missing, clock, f.writers), clock), s3));

            assertThatThrownBy(() -> handler.handleRequest(created(bucket, "endpoints.jsonl"), null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not be stored now");
        }
    }

    private ConsentGrant marketing(String customerId, Channel channel) {
        return f.records(List.of(customerId)).get(customerId).record().channel(channel).consent()
                .get(Purpose.MARKETING).value();
    }

    private Map<String, Long> versions() {
        return f.records(ImportIT.PINPOINT_CUSTOMERS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().version()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> counts(Map<String, Object> answer, String key) {
        assertThat(answer).containsOnlyKeys(key);
        return (Map<String, Long>) answer.get(key);
    }

    /** The notification as S3 delivers it: the key URL-encoded (a space as '+'). */
    private static S3Event created(String bucket, String key) {
        S3Entity entity = new S3Entity("winback-import", new S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket),
                new S3ObjectEntity(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"), 1L, null, null, null),
                "1.0");
        return new S3Event(List.of(new S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
                "2026-12-01T00:00:00.000Z", "2.1", null, null, entity, null)));
    }

    private static S3Client s3(String endpoint) {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
