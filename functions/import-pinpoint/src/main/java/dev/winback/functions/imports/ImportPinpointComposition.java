package dev.winback.functions.imports;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Imports;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;

/** What an import from S3 needs: the bucket's objects and the imports {@code scripts/import-pinpoint} runs. */
public final class ImportPinpointComposition {

    private final PinpointExportObjects exports;

    public ImportPinpointComposition(Imports imports, S3Client s3) {
        this.exports = new PinpointExportObjects(imports, s3);
    }

    /** As deployed: configuration from the environment (failing fast on what is missing), clients built once. */
    public static ImportPinpointComposition fromEnvironment() {
        WinbackConfig config = WinbackConfig.fromEnvironment(System.getenv());
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(config, new AwsClients(), clock, ElapsedTime.SYSTEM);
        // The socket timeout bounds one read of the stream, not the whole object.
        S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(30)).build()).build();
        Imports imports = new Imports(table, new Ingestion(table, clock, WriterThreads.newPool()), clock);
        SnapStartPriming.register("import-pinpoint", imports::prime);
        return new ImportPinpointComposition(imports, s3);
    }

    public PinpointExportObjects exports() {
        return exports;
    }
}
