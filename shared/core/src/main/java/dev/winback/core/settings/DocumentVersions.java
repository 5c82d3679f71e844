package dev.winback.core.settings;

import java.util.Optional;

/**
 * Where operators keep the versions of one document (the playbook, the settings): each version's
 * text as written, and which one is active. Versions are never changed or deleted, so what ran can
 * always be traced. Implementations throw only for infrastructure failures.
 */
public interface DocumentVersions {

    /** The highest version stored, 0 when none is. */
    int latest();

    /** Stores the text as the next version (1 for the first); concurrent puts get distinct versions. */
    int put(String text);

    Optional<String> version(int version);

    /** @return false when there is no such version */
    boolean activate(int version);

    /** Empty while none is active: the shipped document runs. */
    Optional<Integer> active();

    /**
     * Undoes the latest activation or deactivation.
     *
     * @return false when there is nothing earlier to return to
     */
    boolean rollback();

    /** Back to the shipped document; a later {@link #rollback} undoes this. */
    void deactivate();
}
