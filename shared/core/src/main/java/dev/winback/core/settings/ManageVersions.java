package dev.winback.core.settings;

import dev.winback.core.journey.Checked;
import dev.winback.core.journey.ManageJourneys;
import dev.winback.core.journey.SubmittedVersion;

import java.util.Objects;
import java.util.Optional;

/**
 * What an operator does with one versioned document (the playbook, the settings), as with journeys:
 * see the one running, check a text, store it as a new version, activate a version, roll back.
 * Nothing invalid is ever stored or activated, so the version running keeps running until a valid
 * one replaces it. The shipped document is version 0: it runs while no stored version is active,
 * and activating 0 returns to it.
 */
public final class ManageVersions<T> {

    public static final int SHIPPED = 0;

    /**
     * @param active  the stored version running, 0 while the shipped document runs
     * @param latest  the highest version stored, 0 when none is
     * @param text    the running document's text
     */
    public record Shown(int active, int latest, String text) {
        public Shown {
            Objects.requireNonNull(text, "text");
        }
    }

    private final DocumentVersions versions;
    private final DocumentFormat<T> format;
    private final ShippedDocument<T> shipped;
    private final Runnable changed;

    /** @param changed told after every change, so this process reads the document again at once */
    public ManageVersions(DocumentVersions versions, DocumentFormat<T> format, ShippedDocument<T> shipped,
                          Runnable changed) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.format = Objects.requireNonNull(format, "format");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /** The active stored version if it reads, else the shipped document (as the running functions do). */
    public Shown current() {
        Optional<Integer> active = versions.active();
        int latest = versions.latest();
        if (active.isPresent()) {
            Optional<String> text = versions.version(active.get());
            if (text.isPresent() && format.read(text.get()) instanceof Checked.Valid<T>) {
                return new Shown(active.get(), latest, text.get());
            }
        }
        return new Shown(SHIPPED, latest, shipped.text());
    }

    /** The text of a stored version, or for version 0 the shipped one. */
    public Optional<String> show(int version) {
        return version == SHIPPED ? Optional.of(shipped.text()) : versions.version(version);
    }

    public Checked<T> validate(String text) {
        return format.read(text);
    }

    /** Stores the text as the next version, without activating it. */
    public SubmittedVersion submit(String text) {
        return switch (format.read(text)) {
            case Checked.Invalid<T> invalid -> new SubmittedVersion.Refused(invalid.problems());
            case Checked.Valid<T> valid -> new SubmittedVersion.Stored(versions.put(text));
        };
    }

    public ManageJourneys.Activation activate(int version) {
        if (version == SHIPPED) {
            versions.deactivate();
            changed.run();
            return ManageJourneys.Activation.ACTIVATED;
        }
        Optional<String> text = versions.version(version);
        if (text.isEmpty()) return ManageJourneys.Activation.NO_SUCH_VERSION;
        if (format.read(text.get()) instanceof Checked.Invalid<T>) return ManageJourneys.Activation.UNREADABLE;
        if (!versions.activate(version)) return ManageJourneys.Activation.NO_SUCH_VERSION;
        changed.run();
        return ManageJourneys.Activation.ACTIVATED;
    }

    /**
     * Undoes the latest activation: the version active before it runs again, or the shipped document
     * when the first activation is undone.
     *
     * @return false when no stored version was ever activated
     */
    public boolean rollback() {
        boolean done = versions.rollback();
        if (!done && versions.active().isPresent()) {
            versions.deactivate();
            done = true;
        }
        if (done) changed.run();
        return done;
    }
}
