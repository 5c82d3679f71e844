package dev.winback.local.bench;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The billing rules on hand-computed examples; item sizes are attribute names plus values. */
class BillingMeterTest {

    private static final String TABLE = "t";
    private BillingMeter meter;

    @BeforeEach
    void tableWithTheDueIndex() {
        meter = new BillingMeter();
        meter.succeeded(CreateTableRequest.builder().tableName(TABLE)
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("dueShard"), attribute("dueAt"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("DueIndex")
                        .keySchema(key("dueShard", KeyType.HASH), key("dueAt", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .build(), CreateTableResponse.builder().build());
    }

    @Test
    void aPutOf1536BytesCostsTwoWriteUnits() {
        put(item("c-1", 1536));

        assertEquals(2.0, meter.totals().writeUnits());
        assertEquals(0.0, meter.totals().readUnits());
    }

    @Test
    void partiqlUpdatesInABatchAreBilledAsUpdates_aRefusedOneAsARefusedWrite() {
        put(item("c-1", 1500));
        put(item("c-2", 500));
        String statement = "UPDATE \"t\" SET \"pad\"=? REMOVE \"dueAt\" WHERE \"pk\"=? AND \"sk\"=? AND \"v\"=?";
        meter.succeeded(BatchExecuteStatementRequest.builder().statements(
                        BatchStatementRequest.builder().statement(statement).parameters(AttributeValue.fromS("x"),
                                AttributeValue.fromS("c-1"), AttributeValue.fromS("R"), AttributeValue.fromN("1")).build(),
                        BatchStatementRequest.builder().statement(statement).parameters(AttributeValue.fromS("y".repeat(1500)),
                                AttributeValue.fromS("c-2"), AttributeValue.fromS("R"), AttributeValue.fromN("1")).build(),
                        BatchStatementRequest.builder().statement(statement).parameters(AttributeValue.fromS("z"),
                                AttributeValue.fromS("c-1"), AttributeValue.fromS("R"), AttributeValue.fromN("1")).build())
                        .build(),
                BatchExecuteStatementResponse.builder().responses(BatchStatementResponse.builder().build(),
                        BatchStatementResponse.builder().build(), BatchStatementResponse.builder().error(e -> e
                                .code(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED)).build()).build());

        // The puts 2 + 1; the updates 2 (1,500 B before) + 2 (1,511 B after); the refused one 1 (it finds 14 B).
        assertEquals(2.0 + 1.0 + 2.0 + 2.0 + 1.0, meter.totals().writeUnits());
    }

    @Test
    void aTransactionOfTwo500ByteItemsCostsFourWriteUnits() {
        meter.succeeded(TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item("c-1", 500))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item("c-2", 500))).build()).build(),
                TransactWriteItemsResponse.builder().build());

        assertEquals(4.0, meter.totals().writeUnits());
    }

    @Test
    void anEventuallyConsistentGetOf5KbCostsOneReadUnit() {
        Map<String, AttributeValue> item = item("c-1", 5 * 1024);
        meter.succeeded(GetItemRequest.builder().tableName(TABLE).key(keyOf("c-1")).consistentRead(false).build(),
                GetItemResponse.builder().item(item).build());

        // 5 KB is two 4 KB units strongly consistent, halved.
        assertEquals(1.0, meter.totals().readUnits());
    }

    @Test
    void aStrongGetOfAMissingItemCostsOneReadUnit() {
        meter.succeeded(GetItemRequest.builder().tableName(TABLE).key(keyOf("c-1")).consistentRead(true).build(),
                GetItemResponse.builder().build());

        assertEquals(1.0, meter.totals().readUnits());
    }

    @Test
    void aProjectedGetIsBilledForTheWholeItem() {
        put(item("c-1", 6000));
        meter.succeeded(GetItemRequest.builder().tableName(TABLE).key(keyOf("c-1")).consistentRead(true)
                        .projectionExpression("pk").build(),
                GetItemResponse.builder().item(keyOf("c-1")).build());

        assertEquals(2.0, meter.totals().readUnits());
    }

    @Test
    void aQueryPageIsRoundedUpOnceForAllItsItems() {
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        for (int i = 0; i < 30; i++) page.add(item(String.format("c-%02d", i), 200));
        meter.succeeded(QueryRequest.builder().tableName(TABLE).consistentRead(true).build(),
                QueryResponse.builder().items(page).count(30).scannedCount(30).build());

        // 30 × 200 B = 6,000 B: two 4 KB units, where 30 GetItems would cost 30.
        assertEquals(2.0, meter.totals().readUnits());
    }

    @Test
    void anIndexQueryIsEventuallyConsistent() {
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        for (int i = 0; i < 100; i++) page.add(item(String.format("c-%03d", i), 50));
        meter.succeeded(QueryRequest.builder().tableName(TABLE).indexName("DueIndex").build(),
                QueryResponse.builder().items(page).count(100).scannedCount(100).build());

        // 5,000 B: two 4 KB units, halved.
        assertEquals(1.0, meter.totals().readUnits());
    }

    @Test
    void anUpdateThatMovesTheDueIndexKeyCostsTheItemAndTwoIndexWrites() {
        Map<String, AttributeValue> armed = new HashMap<>(item("c-1", 600));
        armed.put("dueShard", AttributeValue.fromS("due#3"));
        armed.put("dueAt", AttributeValue.fromS("2026-09-15T00:00:00Z"));
        put(armed);
        double afterPut = meter.totals().writeUnits();

        update("c-1", "SET #v = :v, #ds = :shard, #da = :due", Map.of("#v", "version", "#ds", "dueShard", "#da", "dueAt"),
                Map.of(":v", AttributeValue.fromN("2"), ":shard", AttributeValue.fromS("due#3"),
                        ":due", AttributeValue.fromS("2026-09-16T00:00:00Z")));

        // The item (under 1 KB) and a delete and a put of its index entry (each under 1 KB).
        assertEquals(3.0, meter.totals().writeUnits() - afterPut);
        assertEquals(1.0 + 2.0, meter.totals().indexWriteUnits());
    }

    @Test
    void armingAndDisarmingTheIndexCostOneIndexWriteEach() {
        put(item("c-1", 600));
        update("c-1", "SET #ds = :shard, #da = :due", Map.of("#ds", "dueShard", "#da", "dueAt"),
                Map.of(":shard", AttributeValue.fromS("due#3"), ":due", AttributeValue.fromS("2026-09-16T00:00:00Z")));
        assertEquals(1.0, meter.totals().indexWriteUnits());

        update("c-1", "SET #v = :v REMOVE #ds, #da", Map.of("#v", "version", "#ds", "dueShard", "#da", "dueAt"),
                Map.of(":v", AttributeValue.fromN("3")));
        assertEquals(2.0, meter.totals().indexWriteUnits());
    }

    @Test
    void aKeysOnlyIndexIsNotWrittenWhenOnlyOtherAttributesChange() {
        Map<String, AttributeValue> armed = new HashMap<>(item("c-1", 600));
        armed.put("dueShard", AttributeValue.fromS("due#3"));
        armed.put("dueAt", AttributeValue.fromS("2026-09-15T00:00:00Z"));
        put(armed);
        update("c-1", "SET #p = :p", Map.of("#p", "pad"), Map.of(":p", AttributeValue.fromS("x")));

        assertEquals(1.0, meter.totals().indexWriteUnits());
        assertEquals(1.0 + 1.0 + 1.0, meter.totals().writeUnits());
    }

    @Test
    void anUpdateIsBilledForTheLargerOfBeforeAndAfter() {
        put(item("c-1", 3000));
        double afterPut = meter.totals().writeUnits();

        // Shrinking a 3,000 B item to a few bytes still writes 3 KB.
        update("c-1", "REMOVE #p", Map.of("#p", "pad"), Map.of());
        assertEquals(3.0, meter.totals().writeUnits() - afterPut);

        // Growing it back from a few bytes to 2,000 B writes 2 KB.
        update("c-1", "SET #p = :p", Map.of("#p", "pad"), Map.of(":p", AttributeValue.fromS("y".repeat(2000))));
        assertEquals(5.0, meter.totals().writeUnits() - afterPut);
    }

    @Test
    void aPutOverAnItemIsBilledForTheLargerOfTheTwo() {
        put(item("c-1", 2500));
        put(item("c-1", 100));

        assertEquals(3.0 + 3.0, meter.totals().writeUnits());
    }

    @Test
    void aDeleteIsBilledForTheItemItDeletes() {
        put(item("c-1", 2500));
        meter.succeeded(DeleteItemRequest.builder().tableName(TABLE).key(keyOf("c-1")).build(),
                DeleteItemResponse.builder().build());

        assertEquals(3.0 + 3.0, meter.totals().writeUnits());
    }

    @Test
    void aRefusedConditionalWriteCostsTheItemItFound() {
        put(item("c-1", 1500));
        meter.failed(UpdateItemRequest.builder().tableName(TABLE).key(keyOf("c-1")).updateExpression("SET a = :a")
                        .conditionExpression("version = :old").build(),
                ConditionalCheckFailedException.builder().message("refused").build());

        assertEquals(2.0 + 2.0, meter.totals().writeUnits());
        assertEquals(2, meter.totals().requests());
    }

    @Test
    void aBatchWriteBillsTheItemsItWroteNotTheUnprocessedOnes() {
        WriteRequest first = WriteRequest.builder().putRequest(PutRequest.builder().item(item("c-1", 1500)).build()).build();
        WriteRequest second = WriteRequest.builder().putRequest(PutRequest.builder().item(item("c-2", 300)).build()).build();
        WriteRequest third = WriteRequest.builder().putRequest(PutRequest.builder().item(item("c-3", 300)).build()).build();
        meter.succeeded(BatchWriteItemRequest.builder().requestItems(Map.of(TABLE, List.of(first, second, third))).build(),
                BatchWriteItemResponse.builder().unprocessedItems(Map.of(TABLE, List.of(third))).build());

        assertEquals(2.0 + 1.0, meter.totals().writeUnits());
    }

    @Test
    void unitsAreBrokenDownByOperation_inWriteUnitEquivalents() {
        put(item("c-1", 1500));
        meter.succeeded(GetItemRequest.builder().tableName(TABLE).key(keyOf("c-1")).consistentRead(true).build(),
                GetItemResponse.builder().item(item("c-1", 1500)).build());
        meter.failed(PutItemRequest.builder().tableName(TABLE).item(item("c-1", 100)).conditionExpression("x").build(),
                ConditionalCheckFailedException.builder().message("refused").build());

        assertEquals(Map.of("PutItem", 2.0, "GetItem", 0.2, "PutItem refused", 2.0), meter.totals().byOperation());
        assertEquals("PutItem 2.000, PutItem refused 2.000, GetItem 0.200", meter.totals().operations());
    }

    @Test
    void writeUnitEquivalentsAndDollarsFollowTheOnDemandPrices() {
        BillingMeter.Totals totals = new BillingMeter.Totals(1.0, 0, 2.5, 4, 0);

        assertEquals(1.5, totals.writeUnitEquivalents(), 1e-12);
        // One million such: $1.25 for the writes, $0.625 for the reads.
        assertEquals(1.875, totals.dollars() * 1e6, 1e-9);
    }

    private void put(Map<String, AttributeValue> item) {
        meter.succeeded(PutItemRequest.builder().tableName(TABLE).item(item).build(), PutItemResponse.builder().build());
    }

    private void update(String id, String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(TABLE).key(keyOf(id))
                .updateExpression(expression).expressionAttributeNames(names);
        if (!values.isEmpty()) request.expressionAttributeValues(values);
        meter.succeeded(request.build(), UpdateItemResponse.builder().build());
    }

    private static Map<String, AttributeValue> keyOf(String id) {
        return Map.of("pk", AttributeValue.fromS(id), "sk", AttributeValue.fromS("R"));
    }

    /** An item of exactly {@code bytes}: "pk" + id, "sk" + "R", "pad" + padding. */
    private static Map<String, AttributeValue> item(String id, int bytes) {
        int fixed = "pk".length() + id.length() + "sk".length() + 1 + "pad".length();
        Map<String, AttributeValue> item = new HashMap<>(keyOf(id));
        item.put("pad", AttributeValue.fromS("x".repeat(bytes - fixed)));
        assertEquals(bytes, ItemSize.bytes(item));
        return item;
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
