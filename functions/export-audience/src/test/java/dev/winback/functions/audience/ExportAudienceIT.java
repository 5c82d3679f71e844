package dev.winback.functions.audience;

import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.adapters.testing.RecordsInMemory;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.segment.MemberPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.winback.core.audience.MetaNormalisation.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/** The export through the handler to S3 on the moto emulator, with the real SDK client. */
class ExportAudienceIT {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");
    private static final String BUCKET = "winback-audiences-it";
    private static S3Client s3;

    @BeforeAll
    static void bucket() {
        s3 = S3Client.builder().endpointOverride(URI.create(MotoEndpoint.require())).region(Region.US_EAST_1)
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void close() {
        if (s3 != null) s3.close();
    }

    @Test
    void handler_whenInvokedWithASegment_putsTheAudienceAndItsManifestInTheBucket() {
        Map<String, StoredRecord> records = new LinkedHashMap<>();
        records.put("c-1", stored("c-1", "Granted@Example.com", Purpose.ADVERTISING, true));
        records.put("c-2", stored("c-2", "marketing@example.com", Purpose.MARKETING, true));
        records.put("c-3", stored("c-3", "withdrawn@example.com", Purpose.ADVERTISING, false));
        records.put("c-4", StoredRecord.erased("c-4"));
        ExportAudienceComposition composition = new ExportAudienceComposition(
                (segment, after, limit) -> MemberPage.last(List.copyOf(records.keySet())), new RecordsInMemory(records),
                new S3AudienceObjects(s3, BUCKET), Clock.fixed(NOW, ZoneOffset.UTC));

        Map<String, Object> answer = new ExportAudienceHandler(composition)
                .handleRequest(Map.of("segmentId", "lapsed-app-users"), null);

        String prefix = "audiences/lapsed-app-users/20261201T093000Z/";
        assertThat(answer).containsEntry("members", 4L).containsEntry("exported", 1L);
        assertThat(answer.get("files")).isEqualTo(List.of(prefix + "meta-custom-audience.csv",
                prefix + "meta-payload-00001.json", prefix + "manifest.json"));
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents()).extracting(S3Object::key)
                .containsExactlyInAnyOrder(prefix + "meta-custom-audience.csv", prefix + "meta-payload-00001.json",
                        prefix + "manifest.json");
        ResponseBytes<GetObjectResponse> csv = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "meta-custom-audience.csv"));
        assertThat(csv.asString(StandardCharsets.UTF_8)).isEqualTo("email,phone\n" + sha256("granted@example.com") + ",\n");
        assertThat(csv.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "meta-payload-00001.json"))
                .asString(StandardCharsets.UTF_8)).isEqualTo("{\"payload\":{\"schema\":[\"EMAIL_SHA256\",\"PHONE_SHA256\"],"
                + "\"data\":[[\"" + sha256("granted@example.com") + "\",\"\"]]}}");
        String manifest = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "manifest.json")).asString(StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"members\":4,\"exported\":1", "\"erased\":1", "\"withdrawn\":1", "\"no_consent\":1")
                .doesNotContain("example.com");
    }

    private static StoredRecord stored(String customerId, String email, Purpose purpose, boolean granted) {
        List<EngagementEvent> events = List.of(
                new EngagementEvent(customerId + "-p", customerId, T0, Optional.empty(), new EventPayload.ProfileUpdated(
                        Optional.of(email), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty())),
                new EngagementEvent(customerId + "-c", customerId, T0, Optional.empty(),
                        new EventPayload.ConsentChanged(Channel.EMAIL, purpose, granted, "signup-form", "ads-1")));
        return new StoredRecord(RecordUpdate.apply(EngagementRecord.empty(customerId), events, Map.of()).record(), 1);
    }
}
