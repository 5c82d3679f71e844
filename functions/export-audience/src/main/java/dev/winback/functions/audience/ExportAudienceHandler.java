package dev.winback.functions.audience;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.winback.core.audience.AudienceExport;
import dev.winback.core.audience.ExportAudience;
import dev.winback.core.audience.SkipReason;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exports one segment as a Meta Custom Audience (hashed, advertising consent only) to the audience
 * bucket. Invoked directly or by a scheduled rule with {@code {"segmentId": "..."}}; answers with the
 * counts and the files' keys, never an address.
 */
public final class ExportAudienceHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final ExportAudience export;

    public ExportAudienceHandler() {
        this(ExportAudienceComposition.fromEnvironment());
    }

    /** For tests and the local runtime, which compose the export over their own store and bucket. */
    public ExportAudienceHandler(ExportAudienceComposition composition) {
        this.export = composition.export();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        ExportRequest request = ExportRequest.of(input);
        AudienceExport result = export.export(request.segmentId(), request.definitionVersion());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("segmentId", result.summary().segmentId());
        answer.put("members", result.summary().members());
        answer.put("exported", result.summary().exported());
        Map<String, Long> skipped = new LinkedHashMap<>();
        for (SkipReason reason : SkipReason.values()) skipped.put(reason.wireName(), result.summary().skipped().get(reason));
        answer.put("skipped", skipped);
        answer.put("files", result.fileKeys());
        return answer;
    }
}
