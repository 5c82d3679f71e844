package dev.winback.adapters.dynamodb;

import dev.winback.core.outcome.OptOutCount;
import dev.winback.core.outcome.OptOutCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opt-out counters beside a unit's outcome counters ({@code pk = OUTCOME#<unit>},
 * {@code sk = OPTOUT#<yyyy-MM-dd>}), each changed by one UpdateItem that ADDs {@code unsubscribed}
 * and {@code complained}: no read first, no condition. Aggregates without customer ids.
 */
public final class DynamoDbOptOutCounters implements OptOutCounters {

    static final String UNSUBSCRIBED = "unsubscribed";
    static final String COMPLAINED = "complained";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    public DynamoDbOptOutCounters(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public void add(Collection<OptOutCount> increments) {
        for (OptOutCount count : OptOutCount.merged(increments)) {
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> parts = new ArrayList<>();
            add(parts, names, values, UNSUBSCRIBED, count.unsubscribed());
            add(parts, names, values, COMPLAINED, count.complained());
            if (parts.isEmpty()) continue;
            var response = dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.outcomeUnit(count.unit())),
                            Keys.SK, AttributeValue.fromS(Keys.OPT_OUT_DAY_PREFIX + count.day())))
                    .updateExpression("ADD " + String.join(", ", parts))
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
        }
    }

    private static void add(List<String> parts, Map<String, String> names, Map<String, AttributeValue> values,
                            String attribute, long amount) {
        if (amount == 0) return;
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, AttributeValue.fromN(Long.toString(amount)));
        parts.add("#" + attribute + " :" + attribute);
    }

    @Override
    public List<OptOutCount> read(String unit, LocalDate from, LocalDate to) {
        List<OptOutCount> counts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.outcomeUnit(unit)),
                            ":from", AttributeValue.fromS(Keys.OPT_OUT_DAY_PREFIX + from),
                            ":to", AttributeValue.fromS(Keys.OPT_OUT_DAY_PREFIX + to)))
                    .consistentRead(false)
                    .exclusiveStartKey(exclusiveStart)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            meter.read(page.consumedCapacity());
            for (Map<String, AttributeValue> item : page.items()) {
                LocalDate day = LocalDate.parse(item.get(Keys.SK).s().substring(Keys.OPT_OUT_DAY_PREFIX.length()));
                counts.add(new OptOutCount(unit, day, number(item, UNSUBSCRIBED), number(item, COMPLAINED)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return counts;
    }

    private static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
