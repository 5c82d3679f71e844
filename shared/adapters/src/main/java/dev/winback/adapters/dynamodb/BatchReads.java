package dev.winback.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** BatchGetItem of one table until every key is read, sending the unprocessed ones again with a pause. */
final class BatchReads {

    /** DynamoDB's limit of keys in one BatchGetItem. */
    static final int BATCH_GET_LIMIT = 100;

    private BatchReads() {
    }

    /**
     * @param keys    at most {@link #BATCH_GET_LIMIT} keys, with the read's options (consistency, projection)
     * @param onItems takes the items of each response as it comes
     */
    static void readAll(DynamoDbClient dynamoDb, String table, KeysAndAttributes keys, CapacityMeter meter,
                        Consumer<List<Map<String, AttributeValue>>> onItems) {
        Map<String, KeysAndAttributes> request = Map.of(table, keys);
        for (int attempt = 0; !request.isEmpty(); attempt++) {
            if (attempt > BatchWrites.UNPROCESSED_RETRIES) {
                throw new IllegalStateException("DynamoDB left keys unprocessed after " + attempt + " attempts");
            }
            BatchWrites.backoff(attempt);
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(pending)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.read(response.consumedCapacity());
            onItems.accept(response.responses().getOrDefault(table, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
    }
}
