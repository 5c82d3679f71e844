package dev.winback.local.bench;

import dev.winback.local.runtime.dynamodb.DynamoDbCallObserver;
import dev.winback.adapters.dynamodb.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Counts DynamoDB requests by operation and outcome ("UpdateItem", "UpdateItem refused"), the
 * items BatchWriteItem carried, and GetItems by the kind of key they read, then hands each call on: the counts say where units go when the
 * billed figures alone do not (requests per event, conditional-check failures).
 */
final class RequestCounts implements DynamoDbCallObserver {

    static final String BATCH_WRITE_ITEMS = "BatchWriteItem items";
    /** GetItems again, by their key's partition kind: which reader they come from. */
    static final String GET_ITEM_KEYS = "GetItem of";

    private final DynamoDbCallObserver next;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    RequestCounts(DynamoDbCallObserver next) {
        this.next = next;
    }

    @Override
    public void succeeded(DynamoDbRequest request, DynamoDbResponse response) {
        count(request, "");
        next.succeeded(request, response);
    }

    @Override
    public void failed(DynamoDbRequest request, Throwable failure) {
        count(request, " refused");
        next.failed(request, failure);
    }

    private void count(DynamoDbRequest request, String outcome) {
        counts.computeIfAbsent(operation(request) + outcome, o -> new LongAdder()).increment();
        if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().values().stream().flatMap(Collection::stream).forEach(write ->
                    counts.computeIfAbsent(BATCH_WRITE_ITEMS + kind(write), o -> new LongAdder()).increment());
        }
        if (request instanceof GetItemRequest get) {
            counts.computeIfAbsent(GET_ITEM_KEYS + " " + partitionKind(get.key()) + outcome, o -> new LongAdder())
                    .increment();
        }
    }

    /** What a batched write is, from its key: " consent", " contact owner", " contact reminder" or "". */
    private static String kind(WriteRequest write) {
        Map<String, AttributeValue> key = write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key();
        String pk = key.get(Keys.PK).s();
        String sk = key.get(Keys.SK).s();
        if (sk.startsWith(Keys.CONSENT_PREFIX)) return " consent";
        if (pk.startsWith(Keys.CONTACT_PREFIX)) return " contact owner";
        if (sk.startsWith(Keys.CONTACT_PREFIX)) return " contact reminder";
        return "";
    }

    /** A partition key up to its first '#' ("C#", "SEGMENTS"): the kind of item, without the customer. */
    static String partitionKind(Map<String, AttributeValue> key) {
        String pk = key.get(Keys.PK).s();
        int hash = pk.indexOf('#');
        return hash < 0 ? pk : pk.substring(0, hash + 1);
    }

    private static String operation(DynamoDbRequest request) {
        return request.getClass().getSimpleName().replace("Request", "");
    }

    /** The counts so far; subtract two snapshots for a phase's. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((operation, count) -> out.put(operation, count.sum()));
        return out;
    }

    static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
        Map<String, Long> out = new TreeMap<>(later);
        earlier.forEach((operation, count) -> out.merge(operation, -count, Long::sum));
        out.values().removeIf(count -> count == 0);
        return out;
    }

    /** Requests (not items) in the counts. */
    static long requests(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> !e.getKey().startsWith(BATCH_WRITE_ITEMS) && !e.getKey().startsWith(GET_ITEM_KEYS))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** "UpdateItem 0.812, BatchGetItem 0.310": each count per one of {@code per} things, largest first. */
    static String per(Map<String, Long> counts, long per) {
        double n = Math.max(1, per);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue() / n))
                .collect(Collectors.joining(", "));
    }
}
