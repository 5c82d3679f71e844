package dev.winback.core.imports;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.observe.Warnings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the lines of an import file through the normal ingestion ({@link EventIntake}: the
 * contract, erased addresses screened out, the record's merge rules and its memory of event ids),
 * in chunks, and counts what happened. A bad line is reported and skipped; it never stops the import.
 * Imported withdrawals are withdrawals like any other: the record's consent rules decide.
 */
public final class ImportEvents {

    /** Events handed to the intake at once: a few hundred customers' reads and writes per call. */
    public static final int CHUNK = 500;
    /** Calls for events the intake asked to retry (a race lost several times, a throttle). */
    static final int ATTEMPTS = 4;

    private final EventIntake intake;
    private final Warnings warnings;

    public ImportEvents(EventIntake intake, Warnings warnings) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    public ImportSummary run(Iterator<? extends ImportLine> lines) {
        Tally tally = new Tally();
        List<ImportedEvent> pending = new ArrayList<>();
        List<Long> pendingLines = new ArrayList<>();
        while (lines.hasNext()) {
            ImportLine line = lines.next();
            tally.linesRead++;
            switch (line) {
                case ImportLine.Mapped mapped -> {
                    mapped.skipped().forEach(tally::skip);
                    tally.suppressed += mapped.suppressed();
                    for (ImportedEvent event : mapped.events()) {
                        pending.add(event);
                        pendingLines.add(mapped.number());
                    }
                    if (pending.size() >= CHUNK) {
                        apply(pending, pendingLines, tally);
                        pending.clear();
                        pendingLines.clear();
                    }
                }
                case ImportLine.Rejected rejected -> tally.reject(new LineProblem(rejected.number(), rejected.reason()));
                case ImportLine.Blank blank -> { }
            }
        }
        if (!pending.isEmpty()) apply(pending, pendingLines, tally);
        return tally.summary();
    }

    private void apply(List<ImportedEvent> chunk, List<Long> lineOf, Tally tally) {
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) todo.add(i);
        for (int attempt = 1; attempt <= ATTEMPTS && !todo.isEmpty(); attempt++) {
            List<EngagementEvent> events = todo.stream().map(i -> chunk.get(i).event()).toList();
            List<IntakeResult> results = intake.apply(events);
            List<Integer> again = new ArrayList<>();
            for (int k = 0; k < todo.size(); k++) {
                int i = todo.get(k);
                ImportedEvent imported = chunk.get(i);
                switch (results.get(k)) {
                    case IntakeResult.Applied applied -> tally.stored(imported, true);
                    case IntakeResult.Duplicate duplicate -> tally.stored(imported, false);
                    case IntakeResult.Erased erased -> tally.erased++;
                    case IntakeResult.Rejected rejected -> tally.reject(new LineProblem(lineOf.get(i),
                            describe(rejected.errors().getFirst())));
                    case IntakeResult.Retry retry -> again.add(i);
                }
            }
            todo = again;
        }
        if (!todo.isEmpty()) {
            warnings.note(todo.size() + " imported event(s) could not be stored now; importing the file again adds them");
            for (int i : todo) {
                tally.failed++;
                tally.reject(new LineProblem(lineOf.get(i), "could not be stored now; import the file again"));
            }
        }
    }

    private static String describe(FieldError error) {
        return error.field() + ": " + error.message();
    }

    private static final class Tally {
        long linesRead;
        long duplicates;
        long suppressed;
        long erased;
        long failed;
        long rejectedLines;
        long skippedParts;
        final Set<String> customers = new HashSet<>();
        final Map<ImportKind, Long> stored = new EnumMap<>(ImportKind.class);
        final Map<ImportKind, Long> changed = new EnumMap<>(ImportKind.class);
        final List<LineProblem> rejected = new ArrayList<>();
        final List<LineProblem> skipped = new ArrayList<>();

        void stored(ImportedEvent imported, boolean applied) {
            customers.add(imported.event().customerId());
            stored.merge(imported.kind(), 1L, Long::sum);
            if (applied) changed.merge(imported.kind(), 1L, Long::sum);
            else duplicates++;
        }

        void reject(LineProblem problem) {
            rejectedLines++;
            if (rejected.size() < ImportSummary.MAX_LISTED) rejected.add(problem);
        }

        void skip(LineProblem problem) {
            skippedParts++;
            if (skipped.size() < ImportSummary.MAX_LISTED) skipped.add(problem);
        }

        ImportSummary summary() {
            return new ImportSummary(linesRead, customers.size(), stored, changed, duplicates, suppressed, erased,
                    failed, rejected, rejectedLines, skipped, skippedParts);
        }
    }
}
