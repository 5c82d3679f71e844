package dev.winback.functions.imports;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.winback.core.imports.ImportSummary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Imports each Pinpoint endpoint export written to the import bucket. Answers with the counts per
 * object; fails the invocation when some events could not be stored now, so that Lambda retries the
 * import (which changes nothing already stored).
 */
public final class ImportPinpointHandler implements RequestHandler<S3Event, Map<String, Object>> {

    private final PinpointExportObjects exports;

    public ImportPinpointHandler() {
        this(ImportPinpointComposition.fromEnvironment());
    }

    /** For tests and the local runtime, which compose the import over their own table and bucket. */
    public ImportPinpointHandler(ImportPinpointComposition composition) {
        this.exports = composition.exports();
    }

    @Override
    public Map<String, Object> handleRequest(S3Event event, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        long failed = 0;
        for (S3EventNotificationRecord record : event.getRecords()) {
            String key = record.getS3().getObject().getUrlDecodedKey();
            Optional<ImportSummary> summary = exports.importObject(record.getS3().getBucket().getName(), key);
            answer.put(key, summary.<Object>map(ImportCounts::of).orElse("gone"));
            failed += summary.map(ImportSummary::failed).orElse(0L);
        }
        if (failed > 0) throw new IllegalStateException(failed + " imported events could not be stored now; retrying");
        return answer;
    }
}
