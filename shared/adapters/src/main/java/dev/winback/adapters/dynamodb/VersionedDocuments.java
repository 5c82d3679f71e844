package dev.winback.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Versioned JSON documents an operator activates (journey definitions, the product catalog), one
 * partition per document:
 * <ul>
 *   <li>{@code sk = V#<version>}: {@code json}, the text as written; put once, never changed;</li>
 *   <li>{@code sk = ACTIVE}, the pointer: {@code latest} (the counter that hands out versions),
 *   {@code active} (absent when none is), {@code activations} (every activation and deactivation,
 *   oldest first, 0 for a deactivation, bounded) and {@code rev}, which each change of the pointer
 *   moves on so that concurrent changes never interleave.</li>
 * </ul>
 * A put takes its number by an atomic ADD on the counter before it writes the version, so concurrent
 * puts get distinct numbers; a put that fails in between leaves a gap, which nothing can activate.
 */
final class VersionedDocuments {

    static final String JSON = "json";
    static final String LATEST = "latest";
    static final String ACTIVE = "active";
    static final String ACTIVATIONS = "activations";
    static final String REVISION = "rev";
    /** Activations remembered for rollback; older ones are forgotten. */
    static final int KEPT_ACTIVATIONS = 50;
    private static final int NONE = 0;
    private static final int ATTEMPTS = 10;

    /** The pointer as read: {@code revision} 0 when no activation ever changed it. */
    record Pointer(int latest, Optional<Integer> active, List<Integer> activations, long revision) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    VersionedDocuments(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    int put(String pk, String json) {
        var counted = dynamoDb.updateItem(b -> b.tableName(table).key(key(pk, Keys.ACTIVE_SK))
                .updateExpression("ADD #l :one").expressionAttributeNames(Map.of("#l", LATEST))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(counted.consumedCapacity());
        int version = Integer.parseInt(counted.attributes().get(LATEST).n());
        Map<String, AttributeValue> item = new HashMap<>(key(pk, Keys.version(version)));
        item.put(JSON, AttributeValue.fromS(json));
        var written = dynamoDb.putItem(b -> b.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Keys.PK))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(written.consumedCapacity());
        return version;
    }

    Optional<String> version(String pk, int version) {
        if (version < 1 || version > 999_999) return Optional.empty();
        var response = dynamoDb.getItem(b -> b.tableName(table).key(key(pk, Keys.version(version))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        if (!response.hasItem() || !response.item().containsKey(JSON)) return Optional.empty();
        return Optional.of(response.item().get(JSON).s());
    }

    Pointer pointer(String pk) {
        var response = dynamoDb.getItem(b -> b.tableName(table).key(key(pk, Keys.ACTIVE_SK)).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        return pointerOf(response.hasItem() ? response.item() : Map.of());
    }

    static Pointer pointerOf(Map<String, AttributeValue> item) {
        List<Integer> activations = new ArrayList<>();
        AttributeValue list = item.get(ACTIVATIONS);
        if (list != null && list.hasL()) list.l().forEach(v -> activations.add(Integer.parseInt(v.n())));
        return new Pointer(number(item.get(LATEST)),
                item.containsKey(ACTIVE) ? Optional.of(number(item.get(ACTIVE))) : Optional.empty(),
                activations, number(item.get(REVISION)));
    }

    /** @return false when there is no such version */
    boolean activate(String pk, int version) {
        // Versions are never deleted: one found now is there when the pointer moves to it.
        if (version(pk, version).isEmpty()) return false;
        change(pk, activations -> !activations.isEmpty() && activations.getLast() == version
                ? null : appended(activations, version));
        return true;
    }

    void deactivate(String pk) {
        change(pk, activations -> activations.isEmpty() || activations.getLast() == NONE
                ? null : appended(activations, NONE));
    }

    /** @return false when there is nothing earlier to return to */
    boolean rollback(String pk) {
        return change(pk, activations -> activations.size() < 2
                ? null : new ArrayList<>(activations.subList(0, activations.size() - 1)));
    }

    /**
     * Moves the pointer to what {@code next} makes of its activations (the last one is the active
     * version), conditionally on the revision read, again on a concurrent change.
     *
     * @param next null to leave the pointer as it is
     * @return whether the pointer was changed
     */
    private boolean change(String pk, UnaryOperator<List<Integer>> next) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Pointer read = pointer(pk);
            List<Integer> activations = next.apply(read.activations());
            if (activations == null) return false;
            if (activations.size() > KEPT_ACTIVATIONS) {
                activations = activations.subList(activations.size() - KEPT_ACTIVATIONS, activations.size());
            }
            int active = activations.isEmpty() ? NONE : activations.getLast();
            Map<String, String> names = new HashMap<>(Map.of("#h", ACTIVATIONS, "#r", REVISION, "#a", ACTIVE));
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":h", AttributeValue.fromL(activations.stream().map(v -> AttributeValue.fromN(Integer.toString(v))).toList()));
            values.put(":next", AttributeValue.fromN(Long.toString(read.revision() + 1)));
            String update = "SET #h = :h, #r = :next";
            if (active == NONE) {
                update += " REMOVE #a";
            } else {
                update += ", #a = :a";
                values.put(":a", AttributeValue.fromN(Integer.toString(active)));
            }
            String condition;
            if (read.revision() == 0) {
                condition = "attribute_not_exists(#r)";
            } else {
                condition = "#r = :read";
                values.put(":read", AttributeValue.fromN(Long.toString(read.revision())));
            }
            String expression = update;
            try {
                var response = dynamoDb.updateItem(b -> b.tableName(table).key(key(pk, Keys.ACTIVE_SK))
                        .updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.write(response.consumedCapacity());
                return true;
            } catch (ConditionalCheckFailedException | TransactionConflictException e) {
                BatchWrites.backoff(attempt + 1); // another operator moved it first: read it again
            }
        }
        throw new IllegalStateException("the pointer of " + pk + " kept changing under " + ATTEMPTS + " attempts");
    }

    private static List<Integer> appended(List<Integer> activations, int version) {
        List<Integer> out = new ArrayList<>(activations);
        out.add(version);
        return out;
    }

    private static int number(AttributeValue value) {
        return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
    }
}
