package dev.winback.adapters.dynamodb;

import dev.winback.core.journey.JourneySummary;
import dev.winback.core.journey.JourneyVersions;
import dev.winback.core.journey.StoredVersion;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Journey definitions in the single table, each journey in a partition of its own
 * ({@code pk = JOURNEY#<journeyId>}, laid out as {@link VersionedDocuments} says: {@code V#<version>}
 * items and the {@code ACTIVE} pointer). The ids of every journey stored are one string set
 * ({@code pk = JOURNEYS}, {@code sk = INDEX}, attribute {@code ids}), added to by each put, so that
 * listing reads one item and the pointers, and never scans.
 */
public final class DynamoDbJourneyDefinitionStore implements JourneyVersions {

    static final String IDS = "ids";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final VersionedDocuments documents;

    public DynamoDbJourneyDefinitionStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.documents = new VersionedDocuments(dynamoDb, table, meter);
    }

    @Override
    public List<JourneySummary> list() {
        var index = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(VersionedDocuments.key(Keys.JOURNEY_INDEX_PK, Keys.JOURNEY_INDEX_SK))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(index.consumedCapacity());
        if (!index.hasItem() || !index.item().containsKey(IDS)) return List.of();
        List<String> ids = index.item().get(IDS).ss().stream().sorted().toList();
        Map<String, JourneySummary> summaries = new TreeMap<>();
        for (int from = 0; from < ids.size(); from += BatchReads.BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BatchReads.BATCH_GET_LIMIT))
                    .stream().map(id -> VersionedDocuments.key(Keys.journey(id), Keys.ACTIVE_SK)).toList();
            BatchReads.readAll(dynamoDb, table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build(), meter,
                    items -> items.forEach(item -> {
                        String id = item.get(Keys.PK).s().substring(Keys.JOURNEY_PREFIX.length());
                        VersionedDocuments.Pointer pointer = VersionedDocuments.pointerOf(item);
                        summaries.put(id, new JourneySummary(id, pointer.latest(), pointer.active()));
                    }));
        }
        // An id indexed by a put that failed before its pointer was written has no version yet.
        for (String id : ids) summaries.putIfAbsent(id, new JourneySummary(id, 0, Optional.empty()));
        return new ArrayList<>(summaries.values());
    }

    @Override
    public StoredVersion put(String journeyId, String json) {
        // Indexed first: a journey with a version is always listed (ADD to a set is idempotent).
        var indexed = dynamoDb.updateItem(b -> b.tableName(table)
                .key(VersionedDocuments.key(Keys.JOURNEY_INDEX_PK, Keys.JOURNEY_INDEX_SK))
                .updateExpression("ADD #ids :id").expressionAttributeNames(Map.of("#ids", IDS))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(journeyId))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(indexed.consumedCapacity());
        return new StoredVersion(journeyId, documents.put(Keys.journey(journeyId), json));
    }

    @Override
    public Optional<String> version(String journeyId, int version) {
        return documents.version(Keys.journey(journeyId), version);
    }

    @Override
    public boolean activate(String journeyId, int version) {
        return documents.activate(Keys.journey(journeyId), version);
    }

    @Override
    public Optional<Integer> active(String journeyId) {
        return documents.pointer(Keys.journey(journeyId)).active();
    }

    @Override
    public boolean rollback(String journeyId) {
        return documents.rollback(Keys.journey(journeyId));
    }

    @Override
    public void deactivate(String journeyId) {
        documents.deactivate(Keys.journey(journeyId));
    }
}
