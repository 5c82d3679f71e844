package dev.winback.functions.audience;

import dev.winback.adapters.config.EngagementTable;
import dev.winback.core.segment.SegmentMembers;

/**
 * Where the deployed export reads a segment's members: the membership the segments feature keeps in
 * the table (one item per customer and segment). That store ships with the segments themselves; until
 * it is part of the build an invocation fails loudly here rather than exporting an empty audience.
 */
final class SegmentMembership {

    private SegmentMembership() {
    }

    static SegmentMembers of(EngagementTable table) {
        return (segmentId, after, limit) -> {
            throw new IllegalStateException("segment membership is not in this build of table " + table.tableName()
                    + ": wire the segments' membership store into ExportAudienceComposition");
        };
    }
}
