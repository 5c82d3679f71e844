package dev.winback.adapters.dynamodb;

import dev.winback.core.feedback.AccountHealthAlarms;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.Map;

/**
 * The account-health guard's state, one item per alarm: {@code pk = ACCOUNT#health},
 * {@code sk = EMAIL_MARKETING#<alarm name>}, with {@code paused} (BOOL) and {@code changedAtMillis}
 * (N, the alarm's state-change time). The template's CloudWatch alarms on the SES account's bounce
 * rate (over 2%) and complaint rate (over 0.08%) each set their own item; marketing email is paused
 * while any of them is in ALARM, so one alarm's OK never clears the other's pause. The delivery side
 * reads it before every marketing email; transactional mail ignores it.
 */
public final class AccountHealth implements AccountHealthAlarms {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public AccountHealth(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Whether marketing email is paused now: some alarm's latest state is ALARM. */
    public boolean marketingEmailPaused() {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.ACCOUNT_HEALTH_PK), ":prefix", AttributeValue.fromS(Keys.EMAIL_MARKETING_PREFIX)))
                    .exclusiveStartKey(from));
            if (page.items().stream().anyMatch(item -> item.containsKey("paused")
                    && Boolean.TRUE.equals(item.get("paused").bool()))) {
                return true;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return false;
    }

    /**
     * Applies an alarm's new state; for each alarm only a change at the same or a later instant wins
     * (compared as numbers, not as text), so replays and reordering are harmless.
     */
    @Override
    public void alarm(String alarmName, boolean inAlarm, Instant at) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                            Keys.PK, AttributeValue.fromS(Keys.ACCOUNT_HEALTH_PK), Keys.SK, AttributeValue.fromS(Keys.emailMarketingAlarm(alarmName)),
                            "paused", AttributeValue.fromBool(inAlarm), "reason", AttributeValue.fromS(alarmName),
                            "since", AttributeValue.fromS(at.toString()),
                            "changedAtMillis", AttributeValue.fromN(Long.toString(at.toEpochMilli()))))
                    .conditionExpression("attribute_not_exists(#pk) OR #at <= :at")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#at", "changedAtMillis"))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(Long.toString(at.toEpochMilli())))));
        } catch (ConditionalCheckFailedException older) {
            // A newer state of this alarm is already stored.
        }
    }
}
