package dev.winback.adapters.dynamodb;

import dev.winback.core.outcome.OptOutCount;
import dev.winback.core.outcome.OptOutCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Opt-out counters beside a unit's outcome counters ({@code pk = OUTCOME#<unit>},
 * {@code sk = OPTOUT#<yyyy-MM-dd>}), each changed by one UpdateItem that ADDs {@code unsubscribed}
 * and {@code complained}: no read first, no condition. Aggregates without customer ids.
 */
public final class DynamoDbOptOutCounters implements OptOutCounters {

    static final String UNSUBSCRIBED = "unsubscribed";
    static final String COMPLAINED = "complained";

    private final UnitCounterItems items;

    public DynamoDbOptOutCounters(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.items = new UnitCounterItems(dynamoDb, table, meter);
    }

    @Override
    public void add(Collection<OptOutCount> increments) {
        for (OptOutCount count : OptOutCount.merged(increments)) {
            items.add(count.unit(), Keys.OPT_OUT_DAY_PREFIX + count.day(), new UnitCounterItems.Additions()
                    .add(UNSUBSCRIBED, count.unsubscribed())
                    .add(COMPLAINED, count.complained()));
        }
    }

    @Override
    public List<OptOutCount> read(String unit, LocalDate from, LocalDate to) {
        return items.range(unit, Keys.OPT_OUT_DAY_PREFIX + from, Keys.OPT_OUT_DAY_PREFIX + to).stream()
                .map(item -> new OptOutCount(unit,
                        LocalDate.parse(item.get(Keys.SK).s().substring(Keys.OPT_OUT_DAY_PREFIX.length())),
                        UnitCounterItems.number(item, UNSUBSCRIBED), UnitCounterItems.number(item, COMPLAINED)))
                .toList();
    }
}
