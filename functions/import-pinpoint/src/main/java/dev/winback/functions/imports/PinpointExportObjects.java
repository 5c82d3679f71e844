package dev.winback.functions.imports;

import dev.winback.adapters.config.Imports;
import dev.winback.core.imports.ImportSummary;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Pinpoint endpoint exports in S3 (newline-delimited JSON, gzip or not), streamed line by line
 * through the same import as {@code scripts/import-pinpoint}. Importing an object again changes
 * nothing, so a retried invocation is safe. Logs the counts only, never a value from the file.
 */
public final class PinpointExportObjects {

    private static final Logger LOG = Logger.getLogger(PinpointExportObjects.class.getName());

    private final Imports imports;
    private final S3Client s3;

    public PinpointExportObjects(Imports imports, S3Client s3) {
        this.imports = imports;
        this.s3 = s3;
    }

    /** The object's import summary, or empty when the object is gone (deleted before its import ran). */
    public Optional<ImportSummary> importObject(String bucket, String key) {
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(bucket).key(key))) {
            ImportSummary summary = imports.pinpoint(object);
            LOG.info(() -> "imported s3://" + bucket + "/" + key + ": " + ImportCounts.of(summary));
            return Optional.of(summary);
        } catch (NoSuchKeyException e) {
            LOG.warning(() -> "s3://" + bucket + "/" + key + " is gone; nothing to import");
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close s3://" + bucket + "/" + key, e);
        }
    }
}
