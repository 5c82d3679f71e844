package dev.winback.core.journey;

import java.util.Objects;
import java.util.Optional;

/**
 * What an operator does with the product catalog, as {@link ManageJourneys} does with journeys:
 * see the catalog running, store a new version, activate one, roll back. Nothing invalid is stored
 * or activated; the shipped catalog runs until a stored version is activated.
 */
public final class ManageCatalog {

    /**
     * @param active  the stored version running, empty while the shipped catalog runs
     * @param latest  the highest version stored, 0 when none is
     * @param catalog the catalog running
     */
    public record Shown(Optional<Integer> active, int latest, ProductCatalog catalog) {
        public Shown {
            Objects.requireNonNull(active, "active");
            Objects.requireNonNull(catalog, "catalog");
        }
    }

    private final CatalogVersions versions;
    private final JourneyFormat format;
    private final ProductCatalog shipped;
    private final Runnable changed;

    /** @param changed told after every change, so this process reads the catalog again at once */
    public ManageCatalog(CatalogVersions versions, JourneyFormat format, ProductCatalog shipped, Runnable changed) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.format = Objects.requireNonNull(format, "format");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /** The catalog running: the active stored version if it reads, else the shipped one (as the journeys do). */
    public Shown current() {
        Optional<Integer> active = versions.active();
        int latest = versions.latest();
        if (active.isEmpty()) return new Shown(active, latest, shipped);
        Optional<ProductCatalog> stored = versions.version(active.get()).flatMap(text ->
                format.catalog(text) instanceof Checked.Valid<ProductCatalog> valid
                        ? Optional.of(new ProductCatalog(active.get(), valid.value().products()))
                        : Optional.empty());
        return new Shown(active, latest, stored.orElse(shipped));
    }

    /** Stores the catalog's JSON text as the next version, without activating it. */
    public SubmittedVersion submit(String text) {
        return switch (format.catalog(text)) {
            case Checked.Invalid<ProductCatalog> invalid -> new SubmittedVersion.Refused(invalid.problems());
            case Checked.Valid<ProductCatalog> valid -> new SubmittedVersion.Stored(versions.put(text));
        };
    }

    public ManageJourneys.Activation activate(int version) {
        Optional<String> text = versions.version(version);
        if (text.isEmpty()) return ManageJourneys.Activation.NO_SUCH_VERSION;
        if (format.catalog(text.get()) instanceof Checked.Invalid<ProductCatalog>) {
            return ManageJourneys.Activation.UNREADABLE;
        }
        if (!versions.activate(version)) return ManageJourneys.Activation.NO_SUCH_VERSION;
        changed.run();
        return ManageJourneys.Activation.ACTIVATED;
    }

    /** @return false when there is no earlier activation to return to */
    public boolean rollback() {
        boolean done = versions.rollback();
        if (done) changed.run();
        return done;
    }
}
