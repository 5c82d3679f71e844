package dev.winback.adapters.feedback;

import dev.winback.adapters.dynamodb.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * The account-health guard's flag: {@code pk = ACCOUNT#health, sk = EMAIL_MARKETING}, attribute
 * {@code paused} (BOOL), with {@code reason} (the alarm's name) and {@code since}. Set when the
 * template's CloudWatch alarms on the SES account's bounce rate (over 2%) or complaint rate (over
 * 0.08%) go into ALARM, cleared when they are OK again. The delivery side reads it before every
 * marketing email and holds marketing while it is set; transactional mail ignores it.
 */
public final class AccountHealth {

    public static final String PK = "ACCOUNT#health";
    public static final String SK = "EMAIL_MARKETING";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public AccountHealth(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Whether marketing email is paused now. */
    public boolean marketingEmailPaused() {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key())).item();
        return item != null && item.containsKey("paused") && Boolean.TRUE.equals(item.get("paused").bool());
    }

    /** Applies an alarm's new state; only newer changes win, so replays and reordering are harmless. */
    public void alarm(String alarmName, boolean inAlarm, Instant at) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                            Keys.PK, AttributeValue.fromS(PK), Keys.SK, AttributeValue.fromS(SK),
                            "paused", AttributeValue.fromBool(inAlarm), "reason", AttributeValue.fromS(alarmName),
                            "since", AttributeValue.fromS(at.toString())))
                    .conditionExpression("attribute_not_exists(pk) OR #s <= :at")
                    .expressionAttributeNames(Map.of("#s", "since"))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException older) {
            // A newer state is already stored.
        }
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(Keys.PK, AttributeValue.fromS(PK), Keys.SK, AttributeValue.fromS(SK));
    }
}
