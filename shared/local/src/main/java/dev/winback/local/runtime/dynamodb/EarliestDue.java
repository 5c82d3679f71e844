package dev.winback.local.runtime.dynamodb;

import dev.winback.adapters.dynamodb.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The earliest timer in one family of shards of the due-time index (the evaluator's {@code DUE#n},
 * delivery's {@code MSGDUE#n}): the first time a scheduled run of that reader would find anything
 * due. One one-item query per shard; the local schedules use it to skip firings with nothing to do.
 */
public final class EarliestDue implements Supplier<Optional<Instant>> {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final IntFunction<String> shardKey;
    private final int shards;

    /** @param shardKey shard number to its partition key, e.g. {@code Keys::messageDueShard}, over {@link Keys#DUE_SHARDS} */
    public EarliestDue(DynamoDbClient dynamoDb, String table, IntFunction<String> shardKey) {
        this(dynamoDb, table, shardKey, Keys.DUE_SHARDS);
    }

    /** @param shards how many shards the family has, e.g. {@link Keys#EVALUATION_DUE_SHARDS} for {@code Keys::dueShard} */
    public EarliestDue(DynamoDbClient dynamoDb, String table, IntFunction<String> shardKey, int shards) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.shardKey = shardKey;
        this.shards = shards;
    }

    @Override
    public Optional<Instant> get() {
        Optional<Instant> earliest = Optional.empty();
        for (int shard = 0; shard < shards; shard++) {
            AttributeValue partition = AttributeValue.fromS(shardKey.apply(shard));
            List<Map<String, AttributeValue>> first = dynamoDb.query(b -> b.tableName(table).indexName(Keys.DUE_INDEX)
                    .keyConditionExpression("#s = :shard")
                    .expressionAttributeNames(Map.of("#s", Keys.DUE_SHARD))
                    .expressionAttributeValues(Map.of(":shard", partition))
                    .scanIndexForward(true).limit(1)).items();
            if (!first.isEmpty() && first.getFirst().containsKey(Keys.DUE_AT)) {
                Instant due = Instant.parse(first.getFirst().get(Keys.DUE_AT).s());
                if (earliest.isEmpty() || due.isBefore(earliest.get())) earliest = Optional.of(due);
            }
        }
        return earliest;
    }
}
