package dev.winback.core.segmentstore;

import java.util.List;
import java.util.Optional;

/**
 * Where operators keep segment definitions, versioned as journeys are: every version of each
 * segment as written (its JSON text), and which one is active. Versions are never changed or
 * deleted, so a membership can be traced to the definition it followed. Implementations throw only
 * for infrastructure failures.
 */
public interface SegmentVersions {

    /** Every segment ever stored, in id order, without reading any definition. */
    List<String> ids();

    /** Stores the text as the segment's next version (1 for the first). */
    int put(String segmentId, String json);

    Optional<String> version(String segmentId, int version);

    /** @return false when the segment has no such version */
    boolean activate(String segmentId, int version);

    /** Empty when the segment is not active. */
    Optional<Integer> active(String segmentId);
}
