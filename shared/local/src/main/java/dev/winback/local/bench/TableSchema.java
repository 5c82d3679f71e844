package dev.winback.local.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What billing needs of a table: its key attributes, and its global secondary indexes with what
 * each projects. Learned from the CreateTable request the benchmark makes from template.yaml.
 */
record TableSchema(List<String> keys, List<Index> indexes) {

    /** DynamoDB adds this much to every index entry (developer guide, "Provisioned throughput considerations for GSIs"). */
    static final int INDEX_ENTRY_OVERHEAD = 100;

    TableSchema {
        keys = List.copyOf(keys);
        indexes = List.copyOf(indexes);
    }

    /** @param nonKeyAttributes for INCLUDE, the attributes projected besides the keys */
    record Index(String name, List<String> keys, ProjectionType projection, Set<String> nonKeyAttributes) {
        Index {
            keys = List.copyOf(keys);
            nonKeyAttributes = Set.copyOf(nonKeyAttributes);
        }
    }

    static TableSchema of(CreateTableRequest request) {
        List<Index> indexes = request.hasGlobalSecondaryIndexes()
                ? request.globalSecondaryIndexes().stream().map(TableSchema::index).toList() : List.of();
        return new TableSchema(names(request.keySchema()), indexes);
    }

    private static Index index(GlobalSecondaryIndex gsi) {
        var projection = gsi.projection();
        return new Index(gsi.indexName(), names(gsi.keySchema()),
                projection == null || projection.projectionType() == null ? ProjectionType.ALL : projection.projectionType(),
                projection != null && projection.hasNonKeyAttributes() ? Set.copyOf(projection.nonKeyAttributes()) : Set.of());
    }

    private static List<String> names(List<KeySchemaElement> schema) {
        return schema.stream().map(KeySchemaElement::attributeName).toList();
    }

    /** The item's primary key, or the key a request names. */
    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keys) key.put(name, item.get(name));
        return key;
    }

    /** The item's entry in the index, or null when the item lacks one of the index's keys (a sparse index). */
    Map<String, AttributeValue> entry(Index index, Map<String, AttributeValue> item) {
        if (item == null) return null;
        for (String name : index.keys()) if (!item.containsKey(name)) return null;
        if (index.projection() == ProjectionType.ALL) return item;
        Set<String> projected = new LinkedHashSet<>(keys);
        projected.addAll(index.keys());
        if (index.projection() == ProjectionType.INCLUDE) projected.addAll(index.nonKeyAttributes());
        Map<String, AttributeValue> entry = new LinkedHashMap<>();
        for (String name : projected) if (item.containsKey(name)) entry.put(name, item.get(name));
        return entry;
    }

    /** The index writes one item change costs, in write units (each index entry rounded up to 1 KB). */
    int indexWriteUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        int units = 0;
        for (Index index : indexes) {
            Map<String, AttributeValue> old = entry(index, before);
            Map<String, AttributeValue> now = entry(index, after);
            if (old == null && now == null) continue;
            if (old == null) {
                units += entryUnits(now);
            } else if (now == null) {
                units += entryUnits(old);
            } else if (!sameKeys(index, old, now)) {
                // A moved index key is a delete of the old entry and a put of the new one.
                units += entryUnits(old) + entryUnits(now);
            } else if (!old.equals(now)) {
                units += entryUnits(now);
            }
        }
        return units;
    }

    private static boolean sameKeys(Index index, Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        for (String name : index.keys()) if (!Objects.equals(a.get(name), b.get(name))) return false;
        return true;
    }

    private static int entryUnits(Map<String, AttributeValue> entry) {
        return ItemSize.writeUnits(ItemSize.bytes(entry) + INDEX_ENTRY_OVERHEAD);
    }
}
