package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.CustomerJourneysJson;
import dev.winback.core.journey.CustomerJourneys;
import dev.winback.core.journey.JourneyStore;
import dev.winback.core.journey.StoredJourneys;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each customer's journeys in the single table: one item beside the record
 * ({@code pk = C#<customerId>}, {@code sk = JOURNEYS}) holding the state as a compressed JSON
 * document ({@code doc}, {@link CustomerJourneysJson}) and a version ({@code v}) for optimistic
 * concurrency. The item carries the journey timer too ({@code dueShard = JDUE#<n>}, {@code dueAt}),
 * which puts it in the sparse due-time index in partitions of its own: the evaluator's queries of
 * {@code DUE#n} and delivery's of {@code MSGDUE#n} never read it, nor this store theirs.
 *
 * <p>Being in the customer's partition, the item is exported and erased with the customer's data.
 */
public final class DynamoDbJourneyStore implements JourneyStore {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final int shards;

    /** With as many shards as the evaluator's ({@link Keys#DUE_SHARDS}). */
    public DynamoDbJourneyStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this(dynamoDb, table, meter, Keys.DUE_SHARDS);
    }

    /**
     * @param shards how many index partitions the timers are spread over. It may grow (a timer stays
     *               where it was armed until its next write moves it) but never shrink: timers in the
     *               shards given up would never be read again.
     */
    public DynamoDbJourneyStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter, int shards) {
        if (shards < 1) throw new IllegalArgumentException("at least one shard");
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.shards = shards;
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public List<String> due(int shard, Instant now) {
        List<String> due = new ArrayList<>();
        for (Map<String, AttributeValue> item : DueIndex.dueBy(dynamoDb, table, meter, Keys.journeyDueShard(shard), now)) {
            if (Keys.JOURNEYS_SK.equals(item.get(Keys.SK).s())) due.add(Keys.customerId(item.get(Keys.PK).s()));
        }
        return due;
    }

    @Override
    public StoredJourneys load(String customerId) {
        var response = dynamoDb.getItem(b -> b.tableName(table).key(key(customerId)).consistentRead(true)
                .projectionExpression("#d, #v, #da")
                .expressionAttributeNames(Map.of("#d", DynamoDbEngagementStore.DOC,
                        "#v", DynamoDbEngagementStore.VERSION, "#da", Keys.DUE_AT))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        if (!response.hasItem() || response.item().isEmpty()) return StoredJourneys.absent(customerId);
        return stored(customerId, response.item());
    }

    /** One consistent BatchGetItem per hundred customers. */
    @Override
    public Map<String, StoredJourneys> load(Collection<String> customerIds) {
        Map<String, StoredJourneys> out = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(customerIds));
        for (int from = 0; from < ids.size(); from += BatchReads.BATCH_GET_LIMIT) {
            KeysAndAttributes request = KeysAndAttributes.builder()
                    .keys(ids.subList(from, Math.min(ids.size(), from + BatchReads.BATCH_GET_LIMIT)).stream()
                            .map(DynamoDbJourneyStore::key).toList())
                    .consistentRead(true).projectionExpression("#pk, #d, #v, #da")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#d", DynamoDbEngagementStore.DOC,
                            "#v", DynamoDbEngagementStore.VERSION, "#da", Keys.DUE_AT))
                    .build();
            BatchReads.readAll(dynamoDb, table, request, meter, items -> items.forEach(item -> {
                String customerId = Keys.customerId(item.get(Keys.PK).s());
                out.put(customerId, stored(customerId, item));
            }));
        }
        for (String id : ids) out.putIfAbsent(id, StoredJourneys.absent(id));
        return out;
    }

    @Override
    public boolean save(StoredJourneys previous, CustomerJourneys next, Optional<Instant> dueAt) {
        String customerId = previous.journeys().customerId();
        if (!customerId.equals(next.customerId())) {
            throw new IllegalArgumentException("the journeys of one customer cannot be saved as another's");
        }
        Map<String, String> names = new HashMap<>(Map.of("#d", DynamoDbEngagementStore.DOC,
                "#v", DynamoDbEngagementStore.VERSION));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":doc", document(next));
        values.put(":next", AttributeValue.fromN(Long.toString(previous.version() + 1)));
        String condition;
        if (previous.version() == 0) {
            condition = "attribute_not_exists(#pk)";
            names.put("#pk", Keys.PK);
        } else {
            condition = "#v = :expected";
            values.put(":expected", AttributeValue.fromN(Long.toString(previous.version())));
        }
        String update = "SET #d = :doc, #v = :next"
                + DueIndex.armOrDisarm(Keys.journeyDueShard(customerId, shards), dueAt, names, values);
        try {
            var response = dynamoDb.updateItem(b -> b.tableName(table).key(key(customerId))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            return false;
        }
    }

    /**
     * A journeys item exactly as {@link #save} leaves it, for bulk loads (benchmarks, imports) through
     * BatchWriteItem, which has no conditions: load only where no newer version can exist.
     */
    public Map<String, AttributeValue> item(CustomerJourneys journeys, long version, Optional<Instant> dueAt) {
        String customerId = journeys.customerId();
        Map<String, AttributeValue> item = new HashMap<>(key(customerId));
        item.put(DynamoDbEngagementStore.DOC, document(journeys));
        item.put(DynamoDbEngagementStore.VERSION, AttributeValue.fromN(Long.toString(version)));
        dueAt.ifPresent(at -> {
            item.put(Keys.DUE_SHARD, AttributeValue.fromS(Keys.journeyDueShard(customerId, shards)));
            item.put(Keys.DUE_AT, AttributeValue.fromS(Keys.dueAt(at)));
        });
        return item;
    }

    private static AttributeValue document(CustomerJourneys journeys) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(Compression.deflate(CustomerJourneysJson.toBytes(journeys))));
    }

    private static StoredJourneys stored(String customerId, Map<String, AttributeValue> item) {
        CustomerJourneys journeys = CustomerJourneysJson.fromBytes(
                Compression.inflate(item.get(DynamoDbEngagementStore.DOC).b().asByteArray()));
        if (!journeys.customerId().equals(customerId)) {
            throw new IllegalStateException("the journeys item of one customer holds another's");
        }
        AttributeValue due = item.get(Keys.DUE_AT);
        return new StoredJourneys(journeys, Long.parseLong(item.get(DynamoDbEngagementStore.VERSION).n()),
                due == null ? Optional.empty() : Optional.of(Instant.parse(due.s())));
    }

    static Map<String, AttributeValue> key(String customerId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(customerId)),
                Keys.SK, AttributeValue.fromS(Keys.JOURNEYS_SK));
    }
}
