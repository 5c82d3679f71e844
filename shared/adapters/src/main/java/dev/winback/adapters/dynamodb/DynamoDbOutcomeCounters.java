package dev.winback.adapters.dynamodb;

import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.outcome.OutcomeCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    private final UnitCounterItems items;

    public DynamoDbOutcomeCounters(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.items = new UnitCounterItems(dynamoDb, table, meter);
    }

    @Override
    public void add(Collection<OutcomeCount> increments) {
        for (OutcomeCount count : OutcomeCount.merged(increments)) {
            UnitCounterItems.Additions additions = new UnitCounterItems.Additions()
                    .add(EXPOSED, count.exposed())
                    .add(CONVERTED, count.converted())
                    .add(MESSAGES, count.messages());
            count.revenue().forEach((currency, amount) -> additions.add(REVENUE_PREFIX + currency, amount));
            items.add(count.unit(), Keys.outcomeDay(count.day(), count.group()), additions);
        }
    }

    @Override
    public List<OutcomeCount> read(String unit, LocalDate from, LocalDate to) {
        return items.range(unit, Keys.outcomeDayFrom(from), Keys.outcomeDayThrough(to)).stream()
                .map(item -> countOf(unit, item))
                .toList();
    }

    private static OutcomeCount countOf(String unit, Map<String, AttributeValue> item) {
        String sortKey = item.get(Keys.SK).s();
        Map<String, BigDecimal> revenue = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(REVENUE_PREFIX)) revenue.put(name.substring(REVENUE_PREFIX.length()), new BigDecimal(value.n()));
        });
        return new OutcomeCount(unit, Keys.outcomeDayOf(sortKey), Keys.outcomeGroupOf(sortKey),
                UnitCounterItems.number(item, EXPOSED), UnitCounterItems.number(item, CONVERTED),
                UnitCounterItems.number(item, MESSAGES), revenue);
    }
}
