package dev.winback.core.imports;

import dev.winback.core.event.EngagementEvent;

import java.util.Objects;

/** A contract event an import line became, and what it brings. */
public record ImportedEvent(ImportKind kind, EngagementEvent event) {
    public ImportedEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(event, "event");
    }
}
