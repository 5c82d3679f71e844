package dev.winback.core.audience;

import java.util.List;
import java.util.Objects;

/** A finished export: its summary and the keys of the files written, the manifest last. */
public record AudienceExport(AudienceSummary summary, List<String> fileKeys) {

    public AudienceExport {
        Objects.requireNonNull(summary, "summary");
        fileKeys = List.copyOf(fileKeys);
    }
}
