package dev.winback.local.bench;

import dev.winback.local.runtime.dynamodb.DynamoDbCallObserver;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the requests a benchmark makes would be billed in DynamoDB on demand, by the published rules
 * (developer guide, "Read/write capacity mode" and "Managing capacity for transactions"), applied
 * to each request and its response as they pass — DynamoDB Local's own consumed capacity does not
 * follow them (it reports any transaction as 2.0 units whatever it holds):
 * <ul>
 *   <li>a write costs 1 write unit per started KB of the larger of the item before and after;
 *       a delete, of the item it deletes; at least 1; twice that inside a transaction, per item;</li>
 *   <li>every global secondary index entry written costs its own write units (entry: the table's
 *       and the index's keys, the projected attributes and 100 bytes); a write that moves an item's
 *       index key deletes one entry and puts another (2 writes), one that adds or removes it 1;</li>
 *   <li>GetItem and BatchGetItem cost 1 read unit per started 4 KB of each item (the whole item,
 *       whatever the projection; at least 1, also when it is not found); Query and Scan, per started
 *       4 KB of each page's items together; eventually consistent reads half; inside a transaction
 *       twice;</li>
 *   <li>a write refused by its condition still costs the write units of the item it found (at least 1).</li>
 * </ul>
 *
 * <p>Approximations, counted in {@link Totals#approximated()} where they apply: the item before a
 * write is the meter's own image of it, kept from every write and full read it saw (it sees the
 * table from its creation, so a miss is an item that does not exist); an update's after-image is
 * computed from its expression ({@link UpdateImage}), nested paths not followed; a Query or Scan
 * with a filter or a count bills the items it did not return at the average size of those it did.
 * Index writes are billed once, also for items written in a transaction.
 */
public final class BillingMeter implements DynamoDbCallObserver {

    /** us-east-1 on-demand list prices: $1.25 per million write request units, $0.25 per million read request units. */
    static final double USD_PER_MILLION_WRU = 1.25;
    static final double USD_PER_MILLION_RRU = 0.25;
    /** A read unit's price in write units: what folds reads into write-unit equivalents. */
    static final double RRU_IN_WRU = USD_PER_MILLION_RRU / USD_PER_MILLION_WRU;

    private final Map<String, TableSchema> tables = new ConcurrentHashMap<>();
    private final Map<ItemKey, Map<String, AttributeValue>> images = new ConcurrentHashMap<>();
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final DoubleAdder indexWriteUnits = new DoubleAdder();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder approximated = new LongAdder();
    private final Map<String, DoubleAdder> byOperation = new ConcurrentHashMap<>();

    private record ItemKey(String table, Map<String, AttributeValue> key) { }

    /**
     * Billed figures so far; subtract two to get a phase's.
     *
     * @param writeUnits      write request units, the index writes included
     * @param indexWriteUnits of those, the index entries' writes
     * @param approximated    requests billed with one of the approximations above
     * @param byOperation     write-unit equivalents by operation ("UpdateItem", "TransactWriteItems", ...)
     */
    public record Totals(double writeUnits, double indexWriteUnits, double readUnits, long requests, long approximated,
                         Map<String, Double> byOperation) {

        public Totals {
            byOperation = Map.copyOf(byOperation);
        }

        public Totals(double writeUnits, double indexWriteUnits, double readUnits, long requests, long approximated) {
            this(writeUnits, indexWriteUnits, readUnits, requests, approximated, Map.of());
        }

        public Totals minus(Totals earlier) {
            Map<String, Double> operations = new java.util.TreeMap<>(byOperation);
            earlier.byOperation.forEach((operation, units) -> operations.merge(operation, -units, Double::sum));
            operations.values().removeIf(units -> Math.abs(units) < 1e-9);
            return new Totals(writeUnits - earlier.writeUnits, indexWriteUnits - earlier.indexWriteUnits,
                    readUnits - earlier.readUnits, requests - earlier.requests, approximated - earlier.approximated,
                    operations);
        }

        /** "TransactWriteItems 4.000, UpdateItem 1.234": write-unit equivalents by operation, largest first. */
        public String operations() {
            return byOperation.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        /** Write-unit equivalents: WRU + 0.2 × RRU, the on-demand price ratio. */
        public double writeUnitEquivalents() {
            return writeUnits + RRU_IN_WRU * readUnits;
        }

        public double dollars() {
            return (writeUnits * USD_PER_MILLION_WRU + readUnits * USD_PER_MILLION_RRU) / 1e6;
        }

        /** The figures of one of {@code count} things (events, customers, messages, steps). */
        public Totals per(long count) {
            double n = Math.max(1, count);
            Map<String, Double> operations = new java.util.TreeMap<>();
            byOperation.forEach((operation, units) -> operations.put(operation, units / n));
            return new Totals(writeUnits / n, indexWriteUnits / n, readUnits / n, requests, approximated, operations);
        }

        /**
         * {@code billed_wru=… billed_rru=… wru_eq=… usd_per_million=…} for a RESULT line, these
         * figures being one thing's; {@code suffix} tells apart several in one line ("", "_2").
         */
        public String resultFields(String suffix) {
            return String.format(java.util.Locale.ROOT, "billed_wru%s=%.3f billed_rru%s=%.3f wru_eq%s=%.3f usd_per_million%s=%.2f",
                    suffix, writeUnits, suffix, readUnits, suffix, writeUnitEquivalents(), suffix, dollars() * 1e6);
        }
    }

    public Totals totals() {
        Map<String, Double> operations = new java.util.TreeMap<>();
        byOperation.forEach((operation, units) -> operations.put(operation, units.sum()));
        return new Totals(writeUnits.sum(), indexWriteUnits.sum(), readUnits.sum(), requests.sum(), approximated.sum(),
                operations);
    }

    /** Learns a table's keys and indexes; done by itself when the meter sees the CreateTable request. */
    void learn(String table, TableSchema schema) {
        tables.put(table, schema);
    }

    @Override
    public void succeeded(DynamoDbRequest request, DynamoDbResponse response) {
        billing(request, "", () -> bill(request, response));
    }

    @Override
    public void failed(DynamoDbRequest request, Throwable failure) {
        billing(request, " refused", () -> billFailure(request, failure));
    }

    /** The units this thread adds while billing one request, for the breakdown by operation. */
    private final ThreadLocal<double[]> current = new ThreadLocal<>();

    private void billing(DynamoDbRequest request, String outcome, Runnable bill) {
        double[] units = {0};
        current.set(units);
        try {
            bill.run();
        } finally {
            current.remove();
        }
        if (units[0] != 0) {
            String operation = request.getClass().getSimpleName().replace("Request", "") + outcome;
            byOperation.computeIfAbsent(operation, o -> new DoubleAdder()).add(units[0]);
        }
    }

    private void addWrite(double units) {
        writeUnits.add(units);
        double[] tally = current.get();
        if (tally != null) tally[0] += units;
    }

    private void addRead(double units) {
        readUnits.add(units);
        double[] tally = current.get();
        if (tally != null) tally[0] += RRU_IN_WRU * units;
    }

    private void bill(DynamoDbRequest request, DynamoDbResponse response) {
        switch (request) {
            case CreateTableRequest r -> {
                learn(r.tableName(), TableSchema.of(r));
                return; // control-plane calls are not billed per request
            }
            case GetItemRequest r -> getItem(r, (GetItemResponse) response);
            case BatchGetItemRequest r -> batchGet(r, (BatchGetItemResponse) response);
            case QueryRequest r -> {
                QueryResponse q = (QueryResponse) response;
                page(r.tableName(), r.indexName(), Boolean.TRUE.equals(r.consistentRead()),
                        projected(r.projectionExpression(), r.hasAttributesToGet()), q.items(), q.count(), q.scannedCount());
            }
            case ScanRequest r -> {
                ScanResponse s = (ScanResponse) response;
                page(r.tableName(), r.indexName(), Boolean.TRUE.equals(r.consistentRead()),
                        projected(r.projectionExpression(), r.hasAttributesToGet()), s.items(), s.count(), s.scannedCount());
            }
            case TransactGetItemsRequest r -> transactGet(r, (TransactGetItemsResponse) response);
            case PutItemRequest r -> {
                PutItemResponse p = (PutItemResponse) response;
                Map<String, AttributeValue> old = r.returnValues() == ReturnValue.ALL_OLD ? p.attributes() : null;
                put(r.tableName(), r.item(), old, 1);
            }
            case UpdateItemRequest r -> {
                UpdateItemResponse u = (UpdateItemResponse) response;
                update(r.tableName(), r.key(), r.updateExpression(), r.expressionAttributeNames(),
                        r.expressionAttributeValues(), r.returnValues() == ReturnValue.ALL_NEW && u.hasAttributes()
                                ? u.attributes() : null, 1);
            }
            case DeleteItemRequest r -> {
                DeleteItemResponse d = (DeleteItemResponse) response;
                delete(r.tableName(), r.key(), r.returnValues() == ReturnValue.ALL_OLD && d.hasAttributes()
                        ? d.attributes() : null, 1);
            }
            case BatchWriteItemRequest r -> batchWrite(r, (BatchWriteItemResponse) response);
            case BatchExecuteStatementRequest r -> batchStatements(r, (BatchExecuteStatementResponse) response);
            case TransactWriteItemsRequest r -> r.transactItems().forEach(this::transactWrite);
            default -> {
                return;
            }
        }
        requests.increment();
    }

    private void billFailure(DynamoDbRequest request, Throwable failure) {
        if (failure instanceof ConditionalCheckFailedException) {
            requests.increment();
            switch (request) {
                case PutItemRequest r -> refused(r.tableName(), keyOf(r.tableName(), r.item()), 1);
                case UpdateItemRequest r -> refused(r.tableName(), r.key(), 1);
                case DeleteItemRequest r -> refused(r.tableName(), r.key(), 1);
                default -> { }
            }
        } else if (failure instanceof TransactionCanceledException && request instanceof TransactWriteItemsRequest r) {
            // A cancelled transaction still read every item it holds to check it: billed as refused writes.
            requests.increment();
            approximated.increment();
            for (TransactWriteItem item : r.transactItems()) {
                if (item.put() != null) refused(item.put().tableName(), keyOf(item.put().tableName(), item.put().item()), 2);
                if (item.update() != null) refused(item.update().tableName(), item.update().key(), 2);
                if (item.delete() != null) refused(item.delete().tableName(), item.delete().key(), 2);
                if (item.conditionCheck() != null) refused(item.conditionCheck().tableName(), item.conditionCheck().key(), 2);
            }
        }
    }

    // ---------------------------------------------------------------- writes

    private void put(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> returnedOld, int factor) {
        Map<String, AttributeValue> key = keyOf(table, item);
        Map<String, AttributeValue> before = returnedOld != null && !returnedOld.isEmpty() ? returnedOld : image(table, key);
        bill(table, before, item, factor);
        remember(table, key, item);
    }

    private void update(String table, Map<String, AttributeValue> key, String expression, Map<String, String> names,
                        Map<String, AttributeValue> values, Map<String, AttributeValue> returnedNew, int factor) {
        Map<String, AttributeValue> before = image(table, key);
        Map<String, AttributeValue> after = returnedNew;
        if (after == null) {
            UpdateImage.Result result = UpdateImage.apply(before != null ? before : key, expression, names, values);
            if (!result.exact()) approximated.increment();
            after = result.item();
        }
        bill(table, before, after, factor);
        remember(table, key, after);
    }

    private void delete(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> returnedOld, int factor) {
        Map<String, AttributeValue> before = returnedOld != null ? returnedOld : image(table, key);
        bill(table, before, null, factor);
        images.remove(new ItemKey(table, normalised(table, key)));
    }

    private void conditionCheck(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = image(table, key);
        addWrite(2 * ItemSize.writeUnits(item == null ? 0 : ItemSize.bytes(item)));
    }

    private void refused(String table, Map<String, AttributeValue> key, int factor) {
        Map<String, AttributeValue> existing = image(table, key);
        addWrite(factor * ItemSize.writeUnits(existing == null ? 0 : ItemSize.bytes(existing)));
    }

    private void bill(String table, Map<String, AttributeValue> before, Map<String, AttributeValue> after, int factor) {
        int bytes = Math.max(before == null ? 0 : ItemSize.bytes(before), after == null ? 0 : ItemSize.bytes(after));
        addWrite(factor * ItemSize.writeUnits(bytes));
        TableSchema schema = tables.get(table);
        if (schema != null) {
            int index = schema.indexWriteUnits(before, after);
            addWrite(index);
            indexWriteUnits.add(index);
        }
    }

    private void batchWrite(BatchWriteItemRequest request, BatchWriteItemResponse response) {
        request.requestItems().forEach((table, writes) -> {
            List<WriteRequest> done = new ArrayList<>(writes);
            if (response.hasUnprocessedItems() && response.unprocessedItems().containsKey(table)) {
                response.unprocessedItems().get(table).forEach(done::remove);
            }
            for (WriteRequest write : done) {
                if (write.putRequest() != null) put(table, write.putRequest().item(), null, 1);
                if (write.deleteRequest() != null) delete(table, write.deleteRequest().key(), null, 1);
            }
        });
    }

    /**
     * PartiQL UPDATEs ({@link PartiqlUpdate}), each billed as an UpdateItem: written, or refused by
     * its condition (billed as a refused write); a statement failed otherwise is not billed.
     */
    private void batchStatements(BatchExecuteStatementRequest request, BatchExecuteStatementResponse response) {
        for (int i = 0; i < request.statements().size(); i++) {
            BatchStatementRequest statement = request.statements().get(i);
            BatchStatementResponse answer = response.responses().get(i);
            PartiqlUpdate update = PartiqlUpdate.parse(statement.statement(), statement.parameters());
            Map<String, AttributeValue> key = keyOf(update.table(), update.where());
            if (answer.error() == null) {
                Map<String, AttributeValue> before = image(update.table(), key);
                Map<String, AttributeValue> after = update.applyTo(before, key);
                bill(update.table(), before, after, 1);
                remember(update.table(), key, after);
            } else if (answer.error().code() == BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED) {
                refused(update.table(), key, 1);
            }
        }
    }

    private void transactWrite(TransactWriteItem item) {
        if (item.put() != null) put(item.put().tableName(), item.put().item(), null, 2);
        if (item.update() != null) {
            var u = item.update();
            update(u.tableName(), u.key(), u.updateExpression(), u.expressionAttributeNames(),
                    u.expressionAttributeValues(), null, 2);
        }
        if (item.delete() != null) delete(item.delete().tableName(), item.delete().key(), null, 2);
        if (item.conditionCheck() != null) conditionCheck(item.conditionCheck().tableName(), item.conditionCheck().key());
    }

    // ---------------------------------------------------------------- reads

    private void getItem(GetItemRequest request, GetItemResponse response) {
        boolean projected = projected(request.projectionExpression(), request.hasAttributesToGet());
        Map<String, AttributeValue> item = response.hasItem() && !response.item().isEmpty() ? response.item() : null;
        addRead(pointRead(request.tableName(), request.key(), item, projected)
                * (Boolean.TRUE.equals(request.consistentRead()) ? 1 : 0.5));
    }

    private void batchGet(BatchGetItemRequest request, BatchGetItemResponse response) {
        request.requestItems().forEach((table, keysAndAttributes) -> {
            List<Map<String, AttributeValue>> keys = new ArrayList<>(keysAndAttributes.keys());
            if (response.hasUnprocessedKeys() && response.unprocessedKeys().containsKey(table)) {
                keys.removeAll(response.unprocessedKeys().get(table).keys());
            }
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new java.util.HashMap<>();
            if (response.hasResponses() && response.responses().containsKey(table)) {
                for (Map<String, AttributeValue> item : response.responses().get(table)) found.put(keyOf(table, item), item);
            }
            boolean projected = projected(keysAndAttributes);
            double factor = Boolean.TRUE.equals(keysAndAttributes.consistentRead()) ? 1 : 0.5;
            for (Map<String, AttributeValue> key : keys) {
                addRead(pointRead(table, key, found.get(normalised(table, key)), projected) * factor);
            }
        });
    }

    private void transactGet(TransactGetItemsRequest request, TransactGetItemsResponse response) {
        for (int i = 0; i < request.transactItems().size(); i++) {
            var get = request.transactItems().get(i).get();
            var returned = response.hasResponses() && i < response.responses().size() ? response.responses().get(i).item() : null;
            Map<String, AttributeValue> item = returned == null || returned.isEmpty() ? null : returned;
            addRead(2 * pointRead(get.tableName(), get.key(), item, get.projectionExpression() != null));
        }
    }

    /** Strongly consistent read units of one item read by key: the whole item, also when projected. */
    private int pointRead(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> returned,
                          boolean projected) {
        if (returned == null) return ItemSize.readUnits(0);
        Map<String, AttributeValue> whole = returned;
        if (projected) {
            whole = image(table, key);
            if (whole == null) {
                approximated.increment();
                whole = returned;
            }
        } else {
            images.putIfAbsent(new ItemKey(table, normalised(table, key)), returned);
        }
        return ItemSize.readUnits(ItemSize.bytes(whole));
    }

    private void page(String table, String index, boolean consistent, boolean projected,
                      List<Map<String, AttributeValue>> items, Integer count, Integer scannedCount) {
        long bytes = 0;
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> whole = item;
            if (index == null) {
                Map<String, AttributeValue> known = image(table, keyOf(table, item));
                if (projected && known != null) whole = known;
                else if (!projected) images.putIfAbsent(new ItemKey(table, keyOf(table, item)), item);
            }
            bytes += ItemSize.bytes(whole);
        }
        int scanned = scannedCount == null ? items.size() : scannedCount;
        if (scanned > items.size()) {
            // Filtered out or counted only: billed as read, at the size of those returned.
            approximated.increment();
            if (!items.isEmpty()) bytes += (scanned - items.size()) * bytes / items.size();
        }
        boolean strong = consistent && index == null;
        addRead(ItemSize.readUnits((int) Math.min(Integer.MAX_VALUE, bytes)) * (strong ? 1 : 0.5));
    }

    private static boolean projected(String projectionExpression, boolean attributesToGet) {
        return projectionExpression != null || attributesToGet;
    }

    private static boolean projected(KeysAndAttributes keys) {
        return keys.projectionExpression() != null || keys.hasAttributesToGet();
    }

    // ---------------------------------------------------------------- item images

    private Map<String, AttributeValue> image(String table, Map<String, AttributeValue> key) {
        return images.get(new ItemKey(table, normalised(table, key)));
    }

    private void remember(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        images.put(new ItemKey(table, normalised(table, key)), item);
    }

    /** The key attributes alone, in the table's order, so any map naming the same item finds it. */
    private Map<String, AttributeValue> normalised(String table, Map<String, AttributeValue> key) {
        TableSchema schema = tables.get(table);
        return schema == null ? Map.copyOf(key) : Map.copyOf(schema.keyOf(key));
    }

    private Map<String, AttributeValue> keyOf(String table, Map<String, AttributeValue> item) {
        TableSchema schema = tables.get(table);
        if (schema == null) throw new IllegalStateException("the billing meter did not see table " + table + " created");
        return schema.keyOf(item);
    }
}
