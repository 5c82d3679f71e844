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

/** Reads one shard of the sparse due-time index ({@link Keys#DUE_INDEX}): the keys of every item due by now. */
final class DueIndex {

    private DueIndex() {
    }

    /**
     * @param shardKey the partition of the index, e.g. {@code Keys.dueShard(n)} or {@code Keys.messageDueShard(n)}
     * @return the keys (pk, sk) of the items due at or before {@code now}, earliest first, every page read
     */
    static List<Map<String, AttributeValue>> dueBy(DynamoDbClient dynamoDb, String table, CapacityMeter meter,
                                                   String shardKey, Instant now) {
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
            QueryResponse response = dynamoDb.query(request.build());
            meter.read(response.consumedCapacity());
            due.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return due;
    }
}
