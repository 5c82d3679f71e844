package dev.winback.local.bench;

import dev.winback.local.runtime.dynamodb.DynamoDbCallObserver;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import dev.winback.core.delivery.LedgerStatus;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * DynamoDB requests by operation ("PutItem"), refused ones included, passed on to another observer;
 * and, apart, the PutItems that write a ledger entry as claimed (made before a provider call, where
 * the other PutItems of delivery, its answers, come after it).
 */
final class OperationCounts implements DynamoDbCallObserver {

    private final DynamoDbCallObserver next;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder claims = new LongAdder();

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
        if (request instanceof PutItemRequest put && put.hasItem() && put.item().containsKey(LEDGER_STATUS)
                && LedgerStatus.CLAIMED.wireName().equals(put.item().get(LEDGER_STATUS).s())) {
            claims.increment();
        }
        counts.computeIfAbsent(request.getClass().getSimpleName().replace("Request", ""), o -> new LongAdder()).increment();
    }

    /** The ledger item's status attribute ({@code DynamoDbMessageLedger.STATUS}). */
    private static final String LEDGER_STATUS = "st";

    /** Claims written so far (a ledger entry put as claimed), refused ones included. */
    long claims() {
        return claims.sum();
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
