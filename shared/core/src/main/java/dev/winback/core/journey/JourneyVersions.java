package dev.winback.core.journey;

import java.util.List;
import java.util.Optional;

/**
 * Where operators keep journey definitions: every version of each journey as it was written
 * (the definition's JSON text; parsing and checking are the caller's), and which one is active.
 * Versions are never changed or deleted, so a run can always be traced to what it followed.
 * Implementations throw only for infrastructure failures.
 */
public interface JourneyVersions {

    /** Every journey ever stored, in id order, without reading any definition. */
    List<JourneySummary> list();

    /** Stores the text as the journey's next version (1 for the first); concurrent puts get distinct versions. */
    StoredVersion put(String journeyId, String json);

    Optional<String> version(String journeyId, int version);

    /**
     * Makes {@code version} the active one (nothing changes when it already is).
     *
     * @return false when the journey has no such version
     */
    boolean activate(String journeyId, int version);

    /** Empty when the journey is not active (never activated, or deactivated). */
    Optional<Integer> active(String journeyId);

    /**
     * Undoes the latest activation or deactivation: the version active before it is active again
     * (or none, if the journey was inactive before it).
     *
     * @return false when there is nothing earlier to return to
     */
    boolean rollback(String journeyId);

    /** The journey runs no more (runs in progress end); a later {@link #rollback} undoes this. */
    void deactivate(String journeyId);
}
