package dev.winback.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sparse due-time index ({@link Keys#DUE_INDEX}): arming or disarming an item's timer in the
 * update that writes it, and reading one shard's keys of every item due by now.
 */
final class DueIndex {

    private DueIndex() {
    }

    /**
     * The end of an update expression that begins {@code SET …}: arms the timer at {@code dueAt} in
     * the partition {@code shardKey}, or, when empty, removes both attributes so the item leaves the
     * index. Adds the names {@code #ds}, {@code #da} and the values {@code :shard}, {@code :due} it uses.
     */
    static String armOrDisarm(String shardKey, Optional<Instant> dueAt, Map<String, String> names,
                              Map<String, AttributeValue> values) {
        names.put("#ds", Keys.DUE_SHARD);
        names.put("#da", Keys.DUE_AT);
        if (dueAt.isEmpty()) return " REMOVE #ds, #da";
        values.put(":shard", AttributeValue.fromS(shardKey));
        values.put(":due", AttributeValue.fromS(Keys.dueAt(dueAt.get())));
        return ", #ds = :shard, #da = :due";
    }

    /**
     * @param shardKey the partition of the index, e.g. {@code Keys.dueShard(n)} or {@code Keys.messageDueShard(n)}
     * @return the keys (pk, sk) of the items due at or before {@code now}, earliest first, every page read
     */
    static List<Map<String, AttributeValue>> dueBy(DynamoDbClient dynamoDb, String table, CapacityMeter meter,
                                                   String shardKey, Instant now) {
        return dueBy(dynamoDb, table, meter, shardKey, now, Integer.MAX_VALUE);
    }

    /** As {@link #dueBy(DynamoDbClient, String, CapacityMeter, String, Instant)}, the first {@code limit} only. */
    static List<Map<String, AttributeValue>> dueBy(DynamoDbClient dynamoDb, String table, CapacityMeter meter,
                                                   String shardKey, Instant now, int limit) {
        List<Map<String, AttributeValue>> due = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(Keys.DUE_INDEX)
                    .keyConditionExpression("#s = :shard AND #a <= :now")
                    .expressionAttributeNames(Map.of("#s", Keys.DUE_SHARD, "#a", Keys.DUE_AT))
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shardKey),
                            ":now", AttributeValue.fromS(Keys.dueBy(now))))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (start != null) request.exclusiveStartKey(start);
            if (limit != Integer.MAX_VALUE) request.limit(limit - due.size());
            QueryResponse response = dynamoDb.query(request.build());
            meter.read(response.consumedCapacity());
            due.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && due.size() < limit);
        return due;
    }
}
