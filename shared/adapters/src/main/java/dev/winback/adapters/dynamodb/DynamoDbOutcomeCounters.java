package dev.winback.adapters.dynamodb;

import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.outcome.OutcomeCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome counters, one item per unit, day and group ({@code pk = OUTCOME#<unit>},
 * {@code sk = D#<yyyy-MM-dd>#<group>}), each changed by one UpdateItem that ADDs to its numbers:
 * {@code exposed}, {@code converted}, {@code messages}, and {@code rev_<currency>} per currency.
 * No read first and no condition, so concurrent writers never conflict; a report over a range of
 * days is one query per unit. The items are aggregates without customer ids: erasure leaves them.
 */
public final class DynamoDbOutcomeCounters implements OutcomeCounters {

    static final String EXPOSED = "exposed";
    static final String CONVERTED = "converted";
    static final String MESSAGES = "messages";
    static final String REVENUE_PREFIX = "rev_";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    public DynamoDbOutcomeCounters(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public void add(Collection<OutcomeCount> increments) {
        for (OutcomeCount count : OutcomeCount.merged(increments)) add(count);
    }

    private void add(OutcomeCount count) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> parts = new ArrayList<>();
        addNumber(parts, names, values, EXPOSED, count.exposed());
        addNumber(parts, names, values, CONVERTED, count.converted());
        addNumber(parts, names, values, MESSAGES, count.messages());
        int i = 0;
        for (Map.Entry<String, BigDecimal> revenue : count.revenue().entrySet()) {
            String name = "#r" + i;
            String value = ":r" + i++;
            names.put(name, REVENUE_PREFIX + revenue.getKey());
            values.put(value, AttributeValue.fromN(revenue.getValue().toPlainString()));
            parts.add(name + " " + value);
        }
        if (parts.isEmpty()) return;
        var response = dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.outcomeUnit(count.unit())),
                        Keys.SK, AttributeValue.fromS(Keys.outcomeDay(count.day(), count.group()))))
                .updateExpression("ADD " + String.join(", ", parts))
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(response.consumedCapacity());
    }

    private static void addNumber(List<String> parts, Map<String, String> names, Map<String, AttributeValue> values,
                                  String attribute, long amount) {
        if (amount == 0) return;
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, AttributeValue.fromN(Long.toString(amount)));
        parts.add("#" + attribute + " :" + attribute);
    }

    @Override
    public List<OutcomeCount> read(String unit, LocalDate from, LocalDate to) {
        List<OutcomeCount> counts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.outcomeUnit(unit)),
                            ":from", AttributeValue.fromS(Keys.outcomeDayFrom(from)),
                            ":to", AttributeValue.fromS(Keys.outcomeDayThrough(to))))
                    .consistentRead(false)
                    .exclusiveStartKey(exclusiveStart)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            meter.read(page.consumedCapacity());
            for (Map<String, AttributeValue> item : page.items()) counts.add(countOf(unit, item));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return counts;
    }

    private static OutcomeCount countOf(String unit, Map<String, AttributeValue> item) {
        String sortKey = item.get(Keys.SK).s();
        Map<String, BigDecimal> revenue = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(REVENUE_PREFIX)) revenue.put(name.substring(REVENUE_PREFIX.length()), new BigDecimal(value.n()));
        });
        return new OutcomeCount(unit, Keys.outcomeDayOf(sortKey), Keys.outcomeGroupOf(sortKey), number(item, EXPOSED),
                number(item, CONVERTED), number(item, MESSAGES), revenue);
    }

    private static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
