package dev.winback.local.bench;

import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.dynamodb.BatchWrites;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.journey.CustomerJourneys;
import dev.winback.core.journey.JourneyEngine;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The journeys benchmark's customers: each one's record (one order, delivered) and journeys item,
 * the state the real engine reaches when it hears of the delivery, with the order-status message
 * handed over, so that only the review-request run is left, waiting five days at settle-in.
 *
 * <p>Bulk-loaded with BatchWriteItem, not ingested: ingestion writes each customer's record and
 * then loads and conditionally saves the journeys item, three requests per customer one at a time
 * on DynamoDB Local's table-wide write lock, which would make the set-up most of the run at 100,000
 * customers. The engine and the items are the product's own ({@link JourneyEngine#onEvents},
 * {@code DynamoDbJourneyStore#item}, {@link DynamoDbEngagementStore#recordItem}); each delivery
 * is heard at its own instant, which ingestion on one clock could not do for deadlines spread over days.
 */
final class JourneysSeed {

    static final String JOURNEY = "review-request";
    /** review-request's settle-in wait: a run entered at delivery falls due this long after it. */
    static final Duration SETTLE_IN = Duration.ofDays(5);
    private static final int THREADS = 4;
    private static final int WRITES_PER_CALL = 500;

    /**
     * @param warmUp        runs due by T0 (an untimed run)
     * @param dueBy1        runs due after T0, by T1
     * @param dueBy2        runs due after T1, by T2
     * @param recordBytes   median record item size
     * @param journeysBytes median journeys item size
     */
    record Seeded(int warmUp, int dueBy1, int dueBy2, int recordBytes, int journeysBytes) { }

    private JourneysSeed() {
    }

    static Seeded seed(DynamoDbClient dynamoDb, EngagementTable table, Journeys journeys, DeliveryPolicy policy,
                       JourneysBench.Options options) {
        int n = options.customers();
        int dueBy1 = (int) Math.round(n * options.duePercent() / 100);
        int dueBy2 = 2 * dueBy1;
        int warmUp = dueBy1 / 2;
        if (warmUp + dueBy1 + dueBy2 > n) throw new IllegalArgumentException("more due than customers");
        JourneyEngine engine = new JourneyEngine(journeys.current().active(), policy);
        int[] recordBytes = new int[n];
        int[] journeysBytes = new int[n];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(options.seed() * 31 + thread);
                    List<WriteRequest> writes = new ArrayList<>();
                    for (int i = thread; i < n; i += THREADS) {
                        // Spread the due ones evenly over the ids, and so over the due shards.
                        long rank = (long) i * 1_000_003 % n;
                        Instant due = rank < warmUp ? JourneysBench.T0.minusSeconds(random.nextLong(6 * 3600))
                                : rank < warmUp + dueBy1 ? JourneysBench.T1.minusSeconds(random.nextLong(6 * 3600))
                                : rank < warmUp + dueBy1 + dueBy2 ? JourneysBench.T1.plusSeconds(1 + random.nextLong(3599))
                                : JourneysBench.T2.plusSeconds(1 + random.nextLong(SETTLE_IN.toSeconds() - 1));
                        Customer customer = customer(engine, String.format("j-%07d", i), due);
                        Map<String, AttributeValue> recordItem =
                                DynamoDbEngagementStore.recordItem(customer.record(), 1, Optional.empty());
                        Map<String, AttributeValue> journeysItem =
                                journeys.store().item(customer.journeys(), 1, Optional.of(due));
                        recordBytes[i] = ItemSize.bytes(recordItem);
                        journeysBytes[i] = ItemSize.bytes(journeysItem);
                        writes.add(put(recordItem));
                        writes.add(put(journeysItem));
                        if (writes.size() >= WRITES_PER_CALL) {
                            BatchWrites.writeAll(dynamoDb, table.tableName(), writes);
                            writes.clear();
                        }
                    }
                    BatchWrites.writeAll(dynamoDb, table.tableName(), writes);
                }));
            }
            for (Future<?> f : running) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed", e);
        } finally {
            pool.shutdownNow();
        }
        return new Seeded(warmUp, dueBy1, dueBy2, median(recordBytes), median(journeysBytes));
    }

    record Customer(EngagementRecord record, CustomerJourneys journeys) { }

    /** A customer whose order was delivered {@link #SETTLE_IN} before {@code due}, as the engine leaves them. */
    static Customer customer(JourneyEngine engine, String customerId, Instant due) {
        Instant delivered = due.minus(SETTLE_IN);
        String orderId = "o-" + customerId;
        EngagementEvent purchase = new EngagementEvent(customerId + "-p", customerId, delivered.minus(Duration.ofDays(3)),
                Optional.empty(), new EventPayload.PurchaseCompleted(orderId, new BigDecimal("42.00"), "EUR",
                List.of(new LineItem("sku-1", "kitchen", 1, new BigDecimal("42.00")))), delivered.minus(Duration.ofDays(3)));
        EngagementEvent delivery = new EngagementEvent(customerId + "-d", customerId, delivered, Optional.empty(),
                new EventPayload.OrderStatusChanged(orderId, "delivered"), delivered);
        EngagementRecord record = RecordUpdate.apply(EngagementRecord.empty(customerId), List.of(purchase, delivery),
                Map.of()).record();
        CustomerJourneys heard = engine.onEvents(CustomerJourneys.empty(customerId), record, List.of(delivery), delivered)
                .next();
        // The order-status message went to delivery at once, as ingestion's intake hands it over.
        CustomerJourneys state = JourneyEngine.withPublished(heard,
                heard.unpublished().stream().map(DeliveryRequest::key).collect(Collectors.toSet()));
        if (!state.nextDue().equals(Optional.of(due)) || state.runs().size() != 1
                || !state.runs().getFirst().journeyId().equals(JOURNEY)) {
            throw new IllegalStateException("the shipped journeys no longer leave one " + JOURNEY
                    + " run due " + SETTLE_IN + " after delivery: " + state.runs());
        }
        return new Customer(record, state);
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
