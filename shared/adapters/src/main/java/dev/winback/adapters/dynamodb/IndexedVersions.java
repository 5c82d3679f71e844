package dev.winback.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Many versioned documents of one kind (journey definitions, campaigns' template sets), each in a
 * partition of its own ({@code <prefix><id>}, laid out as {@link VersionedDocuments} says), and the
 * ids of every one stored in one string set (attribute {@code ids} of the index item), added to by
 * each put, so that listing reads one item and the pointers, and never scans.
 */
final class IndexedVersions {

    static final String IDS = "ids";

    /** One document's pointer at a glance. */
    record Summary(String id, int latest, Optional<Integer> active) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final VersionedDocuments documents;
    private final Map<String, AttributeValue> index;
    private final String prefix;
    private final Function<String, String> partition;

    /** @param partition the partition key of an id, {@code prefix} followed by the id */
    IndexedVersions(DynamoDbClient dynamoDb, String table, CapacityMeter meter, String indexPk, String indexSk,
                    String prefix, Function<String, String> partition) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.documents = new VersionedDocuments(dynamoDb, table, meter);
        this.index = VersionedDocuments.key(indexPk, indexSk);
        this.prefix = prefix;
        this.partition = partition;
    }

    /** Every document stored, in id order. */
    List<Summary> list() {
        var read = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(index)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(read.consumedCapacity());
        if (!read.hasItem() || !read.item().containsKey(IDS)) return List.of();
        List<String> ids = read.item().get(IDS).ss().stream().sorted().toList();
        Map<String, Summary> summaries = new TreeMap<>();
        for (int from = 0; from < ids.size(); from += BatchReads.BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BatchReads.BATCH_GET_LIMIT))
                    .stream().map(id -> VersionedDocuments.key(partition.apply(id), Keys.ACTIVE_SK)).toList();
            BatchReads.readAll(dynamoDb, table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build(), meter,
                    items -> items.forEach(item -> {
                        String id = item.get(Keys.PK).s().substring(prefix.length());
                        VersionedDocuments.Pointer pointer = VersionedDocuments.pointerOf(item);
                        summaries.put(id, new Summary(id, pointer.latest(), pointer.active()));
                    }));
        }
        // An id indexed by a put that failed before its pointer was written has no version yet.
        for (String id : ids) summaries.putIfAbsent(id, new Summary(id, 0, Optional.empty()));
        return new ArrayList<>(summaries.values());
    }

    int put(String id, String json) {
        // Indexed first: a document with a version is always listed (ADD to a set is idempotent).
        var indexed = dynamoDb.updateItem(b -> b.tableName(table).key(index)
                .updateExpression("ADD #ids :id").expressionAttributeNames(Map.of("#ids", IDS))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(id))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(indexed.consumedCapacity());
        return documents.put(partition.apply(id), json);
    }

    Optional<String> version(String id, int version) {
        return documents.version(partition.apply(id), version);
    }

    boolean activate(String id, int version) {
        return documents.activate(partition.apply(id), version);
    }

    Optional<Integer> active(String id) {
        return documents.pointer(partition.apply(id)).active();
    }

    boolean rollback(String id) {
        return documents.rollback(partition.apply(id));
    }

    void deactivate(String id) {
        documents.deactivate(partition.apply(id));
    }
}
