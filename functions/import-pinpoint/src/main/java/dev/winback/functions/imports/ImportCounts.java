package dev.winback.functions.imports;

import dev.winback.core.imports.ImportKind;
import dev.winback.core.imports.ImportSummary;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An import's counts, for the log and the invocation's answer: no line, address or attribute value. */
public final class ImportCounts {

    private ImportCounts() {
    }

    public static Map<String, Long> of(ImportSummary summary) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("linesRead", summary.linesRead());
        counts.put("customers", (long) summary.customers());
        for (ImportKind kind : ImportKind.values()) {
            counts.put("stored_" + kind.name().toLowerCase(Locale.ROOT), summary.stored().get(kind));
        }
        counts.put("changes", summary.changes());
        counts.put("duplicates", summary.duplicates());
        counts.put("erased", summary.erased());
        counts.put("rejectedLines", summary.rejectedLines());
        counts.put("skippedParts", summary.skippedParts());
        counts.put("failed", summary.failed());
        return counts;
    }
}
