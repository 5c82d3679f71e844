package dev.winback.local.runtime.dynamodb;

import dev.winback.adapters.dynamodb.Keys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedules' idle check on DynamoDB Local: one reading per tick, lowered by the timers written since. */
class EarliestDueTest {

    private static final String TABLE = "engagement";
    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    private final DueIndexWrites writes = new DueIndexWrites();
    private final AtomicReference<Instant> virtualNow = new AtomicReference<>(T0);
    private EmbeddedDynamoDb engine;
    private DynamoDbClient dynamoDb;
    private EarliestDue messages;

    @BeforeEach
    void createTable() {
        engine = EmbeddedDynamoDb.start(writes);
        dynamoDb = engine.client();
        dynamoDb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(Keys.PK), string(Keys.SK), string(Keys.DUE_SHARD), string(Keys.DUE_AT))
                .keySchema(key(Keys.PK, KeyType.HASH), key(Keys.SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(Keys.DUE_INDEX)
                        .keySchema(key(Keys.DUE_SHARD, KeyType.HASH), key(Keys.DUE_AT, KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        messages = new EarliestDue(dynamoDb, TABLE, Keys::messageDueShard, Keys.DUE_SHARDS, Optional.of(writes),
                virtualNow::get);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aTimerWrittenDuringTheTick_lowersTheReading_withoutAnotherQuery() {
        putTimer("c-1", Keys.messageDueShard(3), T0.plusSeconds(600));
        assertThat(messages.get()).contains(T0.plusSeconds(600));
        long queries = queries();

        putTimer("c-2", Keys.messageDueShard(7), T0.plusSeconds(60));

        assertThat(messages.get()).contains(T0.plusSeconds(60));
        assertThat(queries()).isEqualTo(queries);
    }

    @Test
    void anUpdateArmingATimer_lowersOnlyItsFamily() {
        EarliestDue evaluations = new EarliestDue(dynamoDb, TABLE, Keys::dueShard, Keys.EVALUATION_DUE_SHARDS,
                Optional.of(writes), virtualNow::get);
        assertThat(messages.get()).isEmpty();
        assertThat(evaluations.get()).isEmpty();

        // As ingestion arms the evaluator's timer: the value, or a held run's later lease.
        dynamoDb.updateItem(b -> b.tableName(TABLE).key(key("c-1"))
                .updateExpression("SET #v = :next, #ds = :shard, #da = if_not_exists(#pu, :due)")
                .expressionAttributeNames(Map.of("#v", "version", "#ds", Keys.DUE_SHARD, "#da", Keys.DUE_AT,
                        "#pu", "pendingUntil"))
                .expressionAttributeValues(Map.of(":next", AttributeValue.fromN("1"),
                        ":shard", AttributeValue.fromS(Keys.dueShard("c-1")),
                        ":due", AttributeValue.fromS(Keys.dueAt(T0.plusSeconds(900))))));

        assertThat(evaluations.get()).contains(T0.plusSeconds(900));
        assertThat(messages.get()).isEmpty();
    }

    @Test
    void aRemovedTimer_keepsTheEarlierAnswerUntilTheReaderRan() {
        putTimer("c-1", Keys.messageDueShard(3), T0.plusSeconds(60));
        putTimer("c-2", Keys.messageDueShard(4), T0.plusSeconds(600));
        assertThat(messages.get()).contains(T0.plusSeconds(60));

        dynamoDb.updateItem(b -> b.tableName(TABLE).key(key("c-1")).updateExpression("REMOVE #ds, #da")
                .expressionAttributeNames(Map.of("#ds", Keys.DUE_SHARD, "#da", Keys.DUE_AT)));

        // Earlier than the truth is safe: a run that finds nothing. The reader's run reads again.
        assertThat(messages.get()).contains(T0.plusSeconds(60));
        messages.readAgain();
        assertThat(messages.get()).contains(T0.plusSeconds(600));
    }

    @Test
    void aNewVirtualInstant_queriesAgain() {
        putTimer("c-1", Keys.messageDueShard(3), T0.plusSeconds(60));
        assertThat(messages.get()).contains(T0.plusSeconds(60));
        dynamoDb.deleteItem(b -> b.tableName(TABLE).key(key("c-1")));
        long queries = queries();

        virtualNow.set(T0.plusSeconds(3600));

        assertThat(messages.get()).isEmpty();
        assertThat(queries()).isEqualTo(queries + Keys.DUE_SHARDS);
    }

    @Test
    void aTimerSetInAWayNotRead_makesTheNextAnswerAQuery() {
        putTimer("c-1", Keys.messageDueShard(3), T0.plusSeconds(600));
        assertThat(messages.get()).contains(T0.plusSeconds(600));
        dynamoDb.putItem(b -> b.tableName(TABLE).item(Map.of(Keys.PK, AttributeValue.fromS("CUSTOMER#c-2"),
                Keys.SK, AttributeValue.fromS("LEDGER"), "other", AttributeValue.fromS(Keys.dueAt(T0.plusSeconds(60))))));
        long queries = queries();

        // The due time copied from another attribute: nothing in the request says when.
        dynamoDb.updateItem(b -> b.tableName(TABLE).key(key("c-2")).updateExpression("SET #ds = :shard, #da = #other")
                .expressionAttributeNames(Map.of("#ds", Keys.DUE_SHARD, "#da", Keys.DUE_AT, "#other", "other"))
                .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(Keys.messageDueShard(4)))));

        assertThat(messages.get()).contains(T0.plusSeconds(60));
        assertThat(queries()).isEqualTo(queries + Keys.DUE_SHARDS);
    }

    private void putTimer(String customerId, String shard, Instant dueAt) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(customerId));
        item.put(Keys.DUE_SHARD, AttributeValue.fromS(shard));
        item.put(Keys.DUE_AT, AttributeValue.fromS(Keys.dueAt(dueAt)));
        dynamoDb.putItem(b -> b.tableName(TABLE).item(item));
    }

    private static Map<String, AttributeValue> key(String customerId) {
        return Map.of(Keys.PK, AttributeValue.fromS("CUSTOMER#" + customerId), Keys.SK, AttributeValue.fromS("LEDGER"));
    }

    private static long queries() {
        return SdkCallCounter.snapshot().calls().getOrDefault("DynamoDb.Query", 0L);
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
