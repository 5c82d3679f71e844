package dev.winback.adapters.dynamodb;

import dev.winback.core.segmentstore.SegmentVersions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Optional;

/**
 * Segment definitions in the single table, each segment in a partition of its own
 * ({@code pk = SEGMENT#<segmentId>}, laid out as a journey's definitions: {@code V#<version>} items and
 * the {@code ACTIVE} pointer), their ids in one string set ({@code pk = SEGMENTS}, {@code sk = INDEX}).
 */
public final class DynamoDbSegmentDefinitions implements SegmentVersions {

    private final IndexedVersions segments;

    public DynamoDbSegmentDefinitions(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.segments = new IndexedVersions(dynamoDb, table, meter, Keys.SEGMENT_INDEX_PK, Keys.SEGMENT_INDEX_SK,
                Keys.SEGMENT_PREFIX, Keys::segment);
    }

    @Override
    public List<String> ids() {
        return segments.list().stream().map(IndexedVersions.Summary::id).toList();
    }

    @Override
    public int put(String segmentId, String json) {
        return segments.put(segmentId, json);
    }

    @Override
    public Optional<String> version(String segmentId, int version) {
        return segments.version(segmentId, version);
    }

    @Override
    public boolean activate(String segmentId, int version) {
        return segments.activate(segmentId, version);
    }

    @Override
    public Optional<Integer> active(String segmentId) {
        return segments.active(segmentId);
    }
}
