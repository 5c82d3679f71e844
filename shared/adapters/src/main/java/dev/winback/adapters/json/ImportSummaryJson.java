package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.imports.ImportKind;
import dev.winback.core.imports.ImportSummary;
import dev.winback.core.imports.LineProblem;

import java.util.List;

/** An import's summary as JSON: counts, line numbers and reasons, never a value from the file. */
public final class ImportSummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImportSummaryJson() {
    }

    public static ObjectNode toNode(ImportSummary summary) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("linesRead", summary.linesRead());
        out.put("customers", summary.customers());
        for (ImportKind kind : ImportKind.values()) {
            ObjectNode counts = out.putObject(plural(kind));
            counts.put("stored", summary.stored().get(kind));
            counts.put("changed", summary.changed().get(kind));
        }
        out.put("suppressed", summary.suppressed());
        out.put("changes", summary.changes());
        out.put("duplicates", summary.duplicates());
        out.put("erased", summary.erased());
        out.put("failed", summary.failed());
        out.put("rejectedLines", summary.rejectedLines());
        problems(out.putArray("rejected"), summary.rejected());
        out.put("skippedParts", summary.skippedParts());
        problems(out.putArray("skipped"), summary.skipped());
        return out;
    }

    public static String toJson(ImportSummary summary) {
        return toNode(summary).toPrettyString();
    }

    private static String plural(ImportKind kind) {
        return switch (kind) {
            case ADDRESS -> "addresses";
            case OPT_OUT -> "optOuts";
            case GRANT -> "grants";
            case ATTRIBUTE -> "attributes";
        };
    }

    private static void problems(ArrayNode into, List<LineProblem> problems) {
        problems.forEach(p -> into.addObject().put("line", p.line()).put("reason", p.reason()));
    }
}
