package dev.winback.core.journey;

import java.util.Optional;

/**
 * Where operators keep the product catalog, versioned as a journey is ({@link JourneyVersions}): each
 * version's JSON text as written, and which one is active. Implementations throw only for
 * infrastructure failures.
 */
public interface CatalogVersions {

    /** The highest version stored, 0 when none is. */
    int latest();

    /** Stores the text as the next version; concurrent puts get distinct versions. */
    int put(String json);

    Optional<String> version(int version);

    /** @return false when there is no such version */
    boolean activate(int version);

    Optional<Integer> active();

    /** @return false when there is nothing earlier to return to (see {@link JourneyVersions#rollback}) */
    boolean rollback();

    void deactivate();
}
