package dev.winback.adapters.dynamodb;

import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentMembers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Segments kept as fixed lists of customer ids: one item per member ({@code pk = SEGLIST#<segment>},
 * {@code sk = M#<customerId>}), read in sort-key order by one Query per page, the cursor being the
 * last customer id read. It stands in for the maintained segment membership wherever that is not
 * composed: a read costs in proportion to the members, as the port requires.
 */
public final class DynamoDbListedSegments implements SegmentMembers {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    public DynamoDbListedSegments(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    /** Lists the customers as members of the segment (idempotent: a member listed twice is one item). */
    public void add(String segmentId, List<String> customerIds) {
        List<WriteRequest> puts = new ArrayList<>();
        for (String customerId : customerIds) {
            puts.add(WriteRequest.builder().putRequest(p -> p.item(Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.segmentList(segmentId)),
                    Keys.SK, AttributeValue.fromS(Keys.SEGMENT_LIST_MEMBER_PREFIX + customerId)))).build());
        }
        BatchWrites.writeAll(dynamoDb, table, puts, meter);
    }

    @Override
    public MemberPage page(String segmentId, Optional<String> after, int limit) {
        Map<String, AttributeValue> start = after.map(customerId -> Map.of(
                Keys.PK, AttributeValue.fromS(Keys.segmentList(segmentId)),
                Keys.SK, AttributeValue.fromS(Keys.SEGMENT_LIST_MEMBER_PREFIX + customerId))).orElse(null);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(Keys.segmentList(segmentId)));
        values.put(":member", AttributeValue.fromS(Keys.SEGMENT_LIST_MEMBER_PREFIX));
        QueryResponse response = dynamoDb.query(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :member)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(values)
                .exclusiveStartKey(start).limit(limit).consistentRead(false)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        List<String> members = response.items().stream()
                .map(item -> item.get(Keys.SK).s().substring(Keys.SEGMENT_LIST_MEMBER_PREFIX.length())).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !members.isEmpty();
        return new MemberPage(members, more ? Optional.of(members.getLast()) : Optional.empty());
    }
}
