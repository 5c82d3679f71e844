package dev.winback.core.segment;

import java.util.Optional;

/**
 * The current members of a segment, read a page at a time. Membership is kept as records change,
 * so a read costs in proportion to the members, never a scan of every customer. Audience exports
 * and one-off campaigns read their customers through this port.
 */
public interface SegmentMembers {

    /**
     * Up to {@code limit} members of the segment in a stable order, starting after the cursor of the
     * previous page (empty for the first page). An unknown segment has no members.
     */
    MemberPage page(String segmentId, Optional<String> after, int limit);
}
