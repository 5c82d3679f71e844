package dev.winback.local.runtime;

import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentMembers;

import java.util.Optional;

/**
 * The local runtime's segments for campaigns: a segment given as a fixed list of customer ids (as the
 * campaign tests give theirs) is read from the list; any other from the membership its definition
 * keeps, as deployed. The cursor says which, so a paged read never switches between the two.
 */
final class ListedOrMaintainedSegments implements SegmentMembers {

    private static final String LISTED = "L:";
    private static final String MAINTAINED = "M:";

    private final SegmentMembers listed;
    private final SegmentMembers maintained;

    ListedOrMaintainedSegments(SegmentMembers listed, SegmentMembers maintained) {
        this.listed = listed;
        this.maintained = maintained;
    }

    @Override
    public MemberPage page(String segmentId, Optional<String> after, int limit) {
        if (after.isPresent()) {
            String cursor = after.get();
            if (cursor.startsWith(LISTED)) return tagged(LISTED, listed.page(segmentId, Optional.of(cursor.substring(2)), limit));
            if (cursor.startsWith(MAINTAINED)) {
                return tagged(MAINTAINED, maintained.page(segmentId, Optional.of(cursor.substring(2)), limit));
            }
            throw new IllegalArgumentException("not a cursor of this segment reader");
        }
        MemberPage first = listed.page(segmentId, Optional.empty(), limit);
        if (!first.customerIds().isEmpty()) return tagged(LISTED, first);
        return tagged(MAINTAINED, maintained.page(segmentId, Optional.empty(), limit));
    }

    private static MemberPage tagged(String tag, MemberPage page) {
        return new MemberPage(page.customerIds(), page.next().map(next -> tag + next));
    }
}
