package dev.winback.local.bench;

import dev.winback.local.runtime.dynamodb.DynamoDbCallObserver;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** DynamoDB requests by operation ("TransactWriteItems"), refused ones included, passed on to another observer. */
final class OperationCounts implements DynamoDbCallObserver {

    private final DynamoDbCallObserver next;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    OperationCounts(DynamoDbCallObserver next) {
        this.next = next;
    }

    @Override
    public void succeeded(DynamoDbRequest request, DynamoDbResponse response) {
        count(request);
        next.succeeded(request, response);
    }

    @Override
    public void failed(DynamoDbRequest request, Throwable failure) {
        count(request);
        next.failed(request, failure);
    }

    private void count(DynamoDbRequest request) {
        counts.computeIfAbsent(request.getClass().getSimpleName().replace("Request", ""), o -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((operation, count) -> out.put(operation, count.sum()));
        return out;
    }

    /** {@code after - before}, by operation. */
    static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((operation, count) -> {
            long delta = count - before.getOrDefault(operation, 0L);
            if (delta != 0) out.put(operation, delta);
        });
        return out;
    }
}
