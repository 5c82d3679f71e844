package dev.winback.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter items of a unit's partition ({@code pk = OUTCOME#<unit>}): numbers added by one
 * UpdateItem with {@code ADD} (no read first, no condition, so concurrent writers never conflict),
 * and the items of a sort-key range read page by page. Shared by the outcome, opt-out and campaign counters.
 */
final class UnitCounterItems {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    UnitCounterItems(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    /** The numbers one ADD changes; zero counts are left out, so an item is never written for nothing. */
    static final class Additions {
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();
        private final List<String> parts = new ArrayList<>();

        Additions add(String attribute, long amount) {
            return amount == 0 ? this : add(attribute, Long.toString(amount));
        }

        Additions add(String attribute, BigDecimal amount) {
            return add(attribute, amount.toPlainString());
        }

        private Additions add(String attribute, String number) {
            int i = parts.size();
            names.put("#a" + i, attribute);
            values.put(":a" + i, AttributeValue.fromN(number));
            parts.add("#a" + i + " :a" + i);
            return this;
        }

        boolean isEmpty() {
            return parts.isEmpty();
        }
    }

    void add(String unit, String sortKey, Additions additions) {
        addTo(Keys.outcomeUnit(unit), sortKey, additions);
    }

    /** The same ADD to any counter item (a campaign's decision counts). */
    void addTo(String partitionKey, String sortKey, Additions additions) {
        if (additions.isEmpty()) return;
        var response = dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of(Keys.PK, AttributeValue.fromS(partitionKey), Keys.SK, AttributeValue.fromS(sortKey)))
                .updateExpression("ADD " + String.join(", ", additions.parts))
                .expressionAttributeNames(additions.names).expressionAttributeValues(additions.values)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(response.consumedCapacity());
    }

    /** The unit's items whose sort key lies between {@code from} and {@code to}, both included. */
    List<Map<String, AttributeValue>> range(String unit, String from, String to) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.outcomeUnit(unit)),
                            ":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(to)))
                    .consistentRead(false)
                    .exclusiveStartKey(start)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            meter.read(page.consumedCapacity());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
