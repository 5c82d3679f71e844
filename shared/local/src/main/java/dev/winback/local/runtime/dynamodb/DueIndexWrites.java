package dev.winback.local.runtime.dynamodb;

import dev.winback.adapters.dynamodb.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timers successful writes put into each family of the due-time index ({@code DUE#},
 * {@code MSGDUE#}, {@code JDUE#}), so that {@link EarliestDue} can lower its last reading instead of
 * querying every shard again after each scheduled run. Only a write that sets {@code dueAt} adds or
 * moves an index entry: the item's {@code dueAt}, or the value an update assigns it ({@code :due} in
 * {@code if_not_exists(pendingUntil, :due)} too: the other branch keeps the timer at a held run's
 * lease, later than the entry was). Removing a timer can only make the earliest later, so deletes and
 * REMOVE are left out: a stale earlier answer costs one run that finds nothing. A write that sets
 * {@code dueAt} in a way not read here counts as unknown and makes the next reading a query.
 */
public final class DueIndexWrites implements DynamoDbCallObserver {

    static final List<String> FAMILIES = List.of(Keys.DUE_PREFIX, Keys.MESSAGE_DUE_PREFIX, Keys.JOURNEY_DUE_PREFIX);

    private final Map<String, AtomicReference<Instant>> lowest = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unknown = new ConcurrentHashMap<>();

    public DueIndexWrites() {
        FAMILIES.forEach(family -> {
            lowest.put(family, new AtomicReference<>());
            unknown.put(family, new AtomicLong());
        });
    }

    /** Moves when a write set a timer of the family that could not be read: the next reading must query. */
    public long unknownWrites(String family) {
        return known(unknown, family).get();
    }

    /** The earliest timer written to the family since the last {@link #forget}, if any. */
    public Optional<Instant> earliestWritten(String family) {
        return Optional.ofNullable(known(lowest, family).get());
    }

    /** Starts over, just before a reading of the family's shards (which sees what was written so far). */
    public void forget(String family) {
        known(lowest, family).set(null);
    }

    @Override
    public void succeeded(DynamoDbRequest request, DynamoDbResponse response) {
        switch (request) {
            case PutItemRequest put -> item(put.item());
            case UpdateItemRequest update -> update(update.updateExpression(), update.expressionAttributeNames(),
                    update.expressionAttributeValues(), update.attributeUpdates().keySet());
            case BatchWriteItemRequest batch -> batch.requestItems().values().stream().flatMap(Collection::stream)
                    .map(WriteRequest::putRequest).filter(Objects::nonNull).forEach(put -> item(put.item()));
            case TransactWriteItemsRequest transaction -> transaction.transactItems().forEach(item -> {
                if (item.put() != null) item(item.put().item());
                if (item.update() != null) update(item.update().updateExpression(),
                        item.update().expressionAttributeNames(), item.update().expressionAttributeValues(), List.of());
            });
            case DeleteItemRequest ignored -> { }
            default -> {
                if (!isRead(request)) everyFamilyUnknown();
            }
        }
    }

    @Override
    public void failed(DynamoDbRequest request, Throwable failure) {
        // A failed write wrote nothing, but a failed batch's processed part is not known.
        if (request instanceof BatchWriteItemRequest) everyFamilyUnknown();
    }

    private void item(Map<String, AttributeValue> item) {
        AttributeValue due = item.get(Keys.DUE_AT);
        if (due == null) return;
        AttributeValue shard = item.get(Keys.DUE_SHARD);
        timer(shard == null ? null : shard.s(), due.s());
    }

    private void update(String expression, Map<String, String> names, Map<String, AttributeValue> values,
                        Collection<String> legacyUpdates) {
        if (legacyUpdates.contains(Keys.DUE_AT)) {
            everyFamilyUnknown();
            return;
        }
        if (expression == null) return;
        String set = setClause(expression);
        List<String> dueNames = namesOf(Keys.DUE_AT, names);
        if (dueNames.stream().noneMatch(set::contains)) return;
        Optional<String> due = assigned(set, dueNames, values);
        if (due.isEmpty()) {
            everyFamilyUnknown();
            return;
        }
        timer(assigned(set, namesOf(Keys.DUE_SHARD, names), values).orElse(null), due.get());
    }

    /** Lowers the family's earliest to {@code dueAt}; every family's when the shard is not known. */
    private void timer(String shard, String dueAt) {
        Instant at;
        try {
            at = Instant.parse(dueAt);
        } catch (DateTimeParseException | NullPointerException e) {
            everyFamilyUnknown();
            return;
        }
        for (String family : FAMILIES) {
            if (shard == null || shard.startsWith(family)) {
                lowest.get(family).accumulateAndGet(at, (a, b) -> a == null || b.isBefore(a) ? b : a);
            }
        }
    }

    /** The part of an update expression after SET and before any REMOVE, ADD or DELETE clause. */
    private static String setClause(String expression) {
        Matcher set = Pattern.compile("(?i)\\bSET\\b(.*?)(?=\\b(?:REMOVE|ADD|DELETE)\\b|$)", Pattern.DOTALL)
                .matcher(expression);
        return set.find() ? set.group(1) : "";
    }

    private static List<String> namesOf(String attribute, Map<String, String> names) {
        List<String> out = new java.util.ArrayList<>();
        out.add(attribute);
        names.forEach((placeholder, name) -> {
            if (name.equals(attribute)) out.add(placeholder);
        });
        return out;
    }

    /** The string a SET assigns to one of {@code names}: {@code n = :v} or {@code n = if_not_exists(x, :v)}. */
    private static Optional<String> assigned(String set, List<String> names, Map<String, AttributeValue> values) {
        for (String name : names) {
            Matcher m = Pattern.compile("(?<![#\\w])" + Pattern.quote(name)
                    + "\\s*=\\s*(?:if_not_exists\\s*\\(\\s*[#\\w.]+\\s*,\\s*)?(:\\w+)").matcher(set);
            if (m.find()) {
                AttributeValue value = values.get(m.group(1));
                if (value != null && value.s() != null) return Optional.of(value.s());
            }
        }
        return Optional.empty();
    }

    private void everyFamilyUnknown() {
        unknown.values().forEach(AtomicLong::incrementAndGet);
    }

    private static <T> T known(Map<String, T> byFamily, String family) {
        T value = byFamily.get(family);
        if (value == null) throw new IllegalArgumentException("not a family of the due-time index: " + family);
        return value;
    }

    private static boolean isRead(DynamoDbRequest request) {
        String name = request.getClass().getSimpleName();
        return name.startsWith("Get") || name.startsWith("BatchGet") || name.startsWith("Query")
                || name.startsWith("Scan") || name.startsWith("Describe") || name.startsWith("List")
                || name.startsWith("TransactGet");
    }
}
