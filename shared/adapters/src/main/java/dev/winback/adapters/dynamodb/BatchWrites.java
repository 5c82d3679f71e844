package dev.winback.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;

/**
 * BatchWriteItem over any number of writes to one table: 25 at a time (DynamoDB's limit), the items
 * DynamoDB leaves unprocessed sent again after a growing pause, and a failure when they never go.
 */
public final class BatchWrites {

    /** DynamoDB's limit on the writes of one BatchWriteItem. */
    static final int BATCH_LIMIT = 25;
    /** How often unprocessed keys or items are sent again before giving up (batch reads use it too). */
    static final int UNPROCESSED_RETRIES = 8;

    private BatchWrites() {
    }

    public static void writeAll(DynamoDbClient dynamoDb, String table, List<WriteRequest> writes) {
        writeAll(dynamoDb, table, writes, new CapacityMeter());
    }

    public static void writeAll(DynamoDbClient dynamoDb, String table, List<WriteRequest> writes, CapacityMeter meter) {
        for (int from = 0; from < writes.size(); from += BATCH_LIMIT) {
            Map<String, List<WriteRequest>> pending = Map.of(table,
                    writes.subList(from, Math.min(writes.size(), from + BATCH_LIMIT)));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > UNPROCESSED_RETRIES) {
                    throw new IllegalStateException("DynamoDB left items unprocessed after " + attempt + " attempts");
                }
                backoff(attempt);
                Map<String, List<WriteRequest>> request = pending;
                var response = dynamoDb.batchWriteItem(b -> b.requestItems(request)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.write(response.consumedCapacity());
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /** The pause before sending unprocessed keys or items again: none at first, then doubling to a second. */
    static void backoff(int attempt) {
        if (attempt == 0) return;
        try {
            Thread.sleep(Math.min(1000, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed keys", e);
        }
    }
}
