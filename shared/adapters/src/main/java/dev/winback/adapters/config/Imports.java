package dev.winback.adapters.config;

import dev.winback.adapters.json.PinpointEndpoints;
import dev.winback.adapters.json.SuppressionListCsv;
import dev.winback.core.imports.ImportEvents;
import dev.winback.core.imports.ImportSummary;
import dev.winback.core.imports.ImportSuppressions;

import java.io.InputStream;
import java.time.Clock;

/**
 * The imports, over the same ingestion every event goes through: a Pinpoint endpoint export and
 * suppression or consent lists. Used by the import function and {@code scripts/import-pinpoint}.
 */
public final class Imports {

    private final ImportEvents events;
    private final ImportSuppressions suppressions;

    public Imports(EngagementTable table, Ingestion ingestion, Clock clock) {
        this.events = new ImportEvents(ingestion.intake(), new JulWarnings(ImportEvents.class));
        this.suppressions = new ImportSuppressions(table.contacts(), table.store(), table.contacts(), clock);
    }

    /** A Pinpoint endpoint export: newline-delimited JSON, gzip-compressed or not. */
    public ImportSummary pinpoint(InputStream export) {
        return events.run(new PinpointEndpoints().read(ImportFiles.lines(export)));
    }

    /** A suppression or consent list: CSV with an email or phone column. */
    public ImportSummary suppressions(InputStream list) {
        return events.run(suppressions.lines(new SuppressionListCsv().read(ImportFiles.lines(list))));
    }
}
