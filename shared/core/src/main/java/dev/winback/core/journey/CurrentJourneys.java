package dev.winback.core.journey;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.cache.RefreshTimer;
import dev.winback.core.observe.Warnings;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The journeys to run: each journey's active stored version, and the shipped journeys an operator
 * has not taken over (a journey with any stored version is the operator's, active or not). Read at
 * most once per {@code refresh} of elapsed time, so an activation reaches every function within that time without
 * a deployment. A stored version that cannot be read (it was checked before it could be stored, so
 * only a hand-edited item can be unreadable) is skipped with a warning and the version running
 * before it keeps running; if the store cannot be read, the last journeys read keep running, and
 * before a first read succeeds nothing runs (the callers' events and timers are retried).
 */
public final class CurrentJourneys implements JourneyDefinitions {

    private final JourneyVersions versions;
    private final CatalogVersions catalogs;
    private final JourneyFormat format;
    private final ActiveJourneys shipped;
    private final RefreshTimer refresh;
    private final Warnings warnings;
    private ActiveJourneys current;

    public CurrentJourneys(JourneyVersions versions, CatalogVersions catalogs, JourneyFormat format,
                           ActiveJourneys shipped, ElapsedTime elapsed, Duration refresh, Warnings warnings) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.format = Objects.requireNonNull(format, "format");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.refresh = new RefreshTimer(refresh, elapsed);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public synchronized ActiveJourneys active() {
        long now = refresh.now();
        if (current != null && !refresh.dueAt(now)) return current;
        try {
            current = read(current == null ? shipped : current);
        } catch (RuntimeException e) {
            // Never the shipped set in place of the operator's: it would run journeys they switched
            // off and end runs of their own journeys. Callers retry (events, timers stay due).
            if (current == null) throw new IllegalStateException("the active journeys could not be read yet", e);
            warnings.warn("reading the active journeys failed; the journeys read before keep running", e);
        }
        refresh.readAt(now);
        return current;
    }

    /** Forgets what was read, so the next call reads again (after an activation in this process). */
    public synchronized void refreshNow() {
        refresh.expire();
    }

    private ActiveJourneys read(ActiveJourneys before) {
        Map<String, JourneyDefinition> running = new LinkedHashMap<>();
        Set<String> operators = new HashSet<>();
        for (JourneySummary summary : versions.list()) {
            String id = summary.journeyId();
            operators.add(id);
            if (summary.active().isEmpty()) continue;
            int version = summary.active().get();
            Optional<JourneyDefinition> read = versions.version(id, version).flatMap(text -> valid(id, version, text));
            read.or(() -> before.get(id)).ifPresent(definition -> running.put(id, definition));
        }
        Map<String, JourneyDefinition> all = new LinkedHashMap<>();
        shipped.definitions().forEach((id, definition) -> {
            if (!operators.contains(id)) all.put(id, definition);
        });
        all.putAll(running);
        return new ActiveJourneys(all, catalog(before.catalog()));
    }

    private Optional<JourneyDefinition> valid(String id, int version, String text) {
        return switch (format.definition(text)) {
            case Checked.Valid<JourneyDefinition> valid -> Optional.of(JourneyVersioning.as(valid.value(), id, version));
            case Checked.Invalid<JourneyDefinition> invalid -> {
                warnings.warn("stored journey " + id + " version " + version + " is unreadable ("
                        + invalid.problems().size() + " problems); the version before it keeps running");
                yield Optional.empty();
            }
        };
    }

    private ProductCatalog catalog(ProductCatalog before) {
        Optional<Integer> active = catalogs.active();
        if (active.isEmpty()) return shipped.catalog();
        Optional<String> text = catalogs.version(active.get());
        if (text.isEmpty()) return before;
        return switch (format.catalog(text.get())) {
            case Checked.Valid<ProductCatalog> valid -> new ProductCatalog(active.get(), valid.value().products());
            case Checked.Invalid<ProductCatalog> invalid -> {
                warnings.warn("stored catalog version " + active.get() + " is unreadable; the catalog before it stays");
                yield before;
            }
        };
    }
}
