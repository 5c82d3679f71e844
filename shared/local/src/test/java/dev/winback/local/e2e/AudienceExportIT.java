package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.segment.MemberPage;
import dev.winback.functions.audience.ExportAudienceComposition;
import dev.winback.functions.audience.ExportAudienceHandler;
import dev.winback.functions.audience.S3AudienceObjects;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.winback.core.audience.MetaNormalisation.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audience export over records ingested into DynamoDB Local by the real ingest handler, one of them
 * erased through the API, written to S3 on moto: only the advertising grants come out.
 */
class AudienceExportIT {

    private static final Instant T0 = Instant.parse("2026-10-05T10:00:00Z");
    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void export_overIngestedRecords_holdsTheGrantedUninstallerAndNeverTheWithdrawnOrErased() {
        String endpoint = MotoEndpoint.require();
        List<EngagementEvent> events = List.of(
                profile("aud-uninstaller", "aud.uninstaller@example.com"),
                consent("aud-uninstaller", "aud-1", T0, Purpose.ADVERTISING, true),
                new EngagementEvent("aud-2", "aud-uninstaller", T0.plusSeconds(60), Optional.empty(),
                        new EventPayload.AppUninstalled()),
                profile("aud-withdrawn", "aud.withdrawn@example.com"),
                consent("aud-withdrawn", "aud-3", T0, Purpose.ADVERTISING, true),
                consent("aud-withdrawn", "aud-4", T0.plusSeconds(3600), Purpose.ADVERTISING, false),
                profile("aud-marketing", "aud.marketing@example.com"),
                consent("aud-marketing", "aud-5", T0, Purpose.MARKETING, true),
                profile("aud-erased", "aud.erased@example.com"),
                consent("aud-erased", "aud-6", T0, Purpose.ADVERTISING, true));
        assertThat(fixture.sendBodies(events.stream().map(fixture::json).toList())).isEmpty();
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
        ApiGateway api = new ApiGateway(fixture.config, fixture.clients, LinkConfig.localDevelopment(null), clock);
        assertThat(api.handleRequest(erase("aud-erased"), null).getStatusCode()).isEqualTo(200);

        String bucket = "winback-audiences-e2e";
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            s3.createBucket(b -> b.bucket(bucket));
            List<String> members = List.of("aud-erased", "aud-marketing", "aud-uninstaller", "aud-withdrawn");
            ExportAudienceHandler handler = new ExportAudienceHandler(new ExportAudienceComposition(
                    (segment, after, limit) -> MemberPage.last(members), fixture.table.store(),
                    new S3AudienceObjects(s3, bucket), clock));

            Map<String, Object> answer = handler.handleRequest(Map.of("segmentId", "uninstallers"), null);

            assertThat(answer).containsEntry("members", 4L).containsEntry("exported", 1L);
            @SuppressWarnings("unchecked") List<String> files = (List<String>) answer.get("files");
            String csv = s3.getObjectAsBytes(b -> b.bucket(bucket).key(files.getFirst())).asString(StandardCharsets.UTF_8);
            assertThat(csv).isEqualTo("email,phone\n" + sha256("aud.uninstaller@example.com") + ",\n");
            String manifest = s3.getObjectAsBytes(b -> b.bucket(bucket).key(files.getLast())).asString(StandardCharsets.UTF_8);
            assertThat(manifest).contains("\"erased\":1", "\"withdrawn\":1", "\"no_consent\":1");
        }
    }

    private static EngagementEvent profile(String customer, String email) {
        return new EngagementEvent(customer + "-profile", customer, T0, Optional.empty(), new EventPayload.ProfileUpdated(
                Optional.of(email), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static EngagementEvent consent(String customer, String id, Instant at, Purpose purpose, boolean granted) {
        return new EngagementEvent(id, customer, at, Optional.empty(),
                new EventPayload.ConsentChanged(Channel.EMAIL, purpose, granted, "account-settings", "ads-2026-11"));
    }

    private static APIGatewayV2HTTPEvent erase(String customer) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("DELETE /v1/customers/{customerId}");
        event.setRawPath("/v1/customers/" + customer);
        event.setPathParameters(Map.of("customerId", customer));
        return event;
    }
}
