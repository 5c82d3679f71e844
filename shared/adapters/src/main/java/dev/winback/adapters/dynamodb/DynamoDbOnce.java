package dev.winback.adapters.dynamodb;

import dev.winback.core.feedback.Once;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** {@link Once} as marker items ({@code pk = ONCE#<key>}) that expire after 30 days. */
public final class DynamoDbOnce implements Once {

    static final Duration KEEP = Duration.ofDays(30);
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbOnce(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean firstTime(String key) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item(key)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean done(String key) {
        return dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.once(key)), Keys.SK, AttributeValue.fromS(Keys.ONCE_SK)))).hasItem();
    }

    @Override
    public void markDone(String key) {
        dynamoDb.putItem(b -> b.tableName(table).item(item(key)));
    }

    private Map<String, AttributeValue> item(String key) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.once(key)), Keys.SK, AttributeValue.fromS(Keys.ONCE_SK),
                Keys.EXPIRES_AT, AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond())));
    }
}
