package dev.winback.functions.audience;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.audience.AudienceObjects;
import dev.winback.adapters.audience.MetaAudienceFiles;
import dev.winback.adapters.config.PrimingSample;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.core.audience.ExportAudience;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.segment.SegmentMembers;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;

/** What an export needs: the segment's members, the records, the audience bucket and a clock. */
public final class ExportAudienceComposition {

    /** The bucket the template creates for audience files. */
    public static final String BUCKET = "WINBACK_AUDIENCE_BUCKET";

    private final ExportAudience export;

    public ExportAudienceComposition(SegmentMembers members, EngagementStore store, AudienceObjects objects,
                                     Clock clock) {
        this.export = new ExportAudience(members, store, new MetaAudienceFiles(objects), clock);
    }

    /** As deployed: configuration from the environment (failing fast on what is missing), clients built once. */
    public static ExportAudienceComposition fromEnvironment() {
        WinbackConfig config = WinbackConfig.fromEnvironment(System.getenv());
        String bucket = System.getenv(BUCKET);
        if (bucket == null || bucket.isBlank()) throw new IllegalStateException("missing environment variables: " + BUCKET);
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(config, new AwsClients(), clock, ElapsedTime.SYSTEM);
        S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(30)).build()).build();
        ExportAudienceComposition composition = new ExportAudienceComposition(table.segmentMembers(), table.store(),
                new S3AudienceObjects(s3, bucket), clock);
        SnapStartPriming.register("export-audience", composition::prime);
        return composition;
    }

    /**
     * Before a SnapStart snapshot: an export's reads (a segment and a customer no one has) and the
     * consent decision over the priming sample; no file is written, S3 is not called.
     */
    public void prime() {
        export.prime(EngagementTable.PRIMING_CUSTOMER, PrimingSample.applied().record());
    }

    public ExportAudience export() {
        return export;
    }
}
