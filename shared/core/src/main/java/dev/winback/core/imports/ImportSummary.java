package dev.winback.core.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, without a single address or attribute value in it: safe to print and log.
 *
 * @param linesRead   every line of the file, blank ones included (for a CSV, the rows after the header)
 * @param customers   distinct customers the imported events belong to
 * @param stored      imported facts per kind that the records now hold (new or already there)
 * @param changed     of those, the ones this run applied (0 on a re-import)
 * @param duplicates  events the records had already applied (a re-import: all of them)
 * @param suppressed  addresses newly put on a suppression list (no customer holds them yet)
 * @param erased      events dropped because their customer or address was erased
 * @param failed      events that could not be stored now (the file can simply be imported again)
 * @param rejected    lines not imported, with the reason, at most {@link #MAX_LISTED} listed
 * @param rejectedLines every rejected line, listed or not
 * @param skipped     parts of imported lines left out, at most {@link #MAX_LISTED} listed
 * @param skippedParts every skipped part, listed or not
 */
public record ImportSummary(long linesRead, int customers, Map<ImportKind, Long> stored,
                            Map<ImportKind, Long> changed, long duplicates, long suppressed, long erased,
                            long failed, List<LineProblem> rejected, long rejectedLines,
                            List<LineProblem> skipped, long skippedParts) {

    /** A file of millions of bad lines still gives a summary of a few hundred KB. */
    public static final int MAX_LISTED = 1000;

    public ImportSummary {
        stored = copy(stored);
        changed = copy(changed);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    private static Map<ImportKind, Long> copy(Map<ImportKind, Long> counts) {
        Map<ImportKind, Long> all = new EnumMap<>(ImportKind.class);
        for (ImportKind kind : ImportKind.values()) all.put(kind, counts.getOrDefault(kind, 0L));
        return java.util.Collections.unmodifiableMap(all);
    }

    /** Facts this run changed in some record or suppression list: 0 when the file was imported before. */
    public long changes() {
        return changed.values().stream().mapToLong(Long::longValue).sum() + suppressed;
    }
}
