package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.PendingActionsJson;
import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.adapters.json.StoredRecordJson;
import dev.winback.core.evaluation.ActionOutbox;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.DueItem;
import dev.winback.core.evaluation.DueRecord;
import dev.winback.core.evaluation.EvaluationStore;
import dev.winback.core.evaluation.PendingAction;
import dev.winback.core.evaluation.SaveResult;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.segment.MembershipChange;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The evaluator's side of the single table: the sparse due-time index, and the conditional record
 * write that re-arms (or disarms) the timer or holds the actions to publish.
 *
 * <p>Actions live in the record item until published: {@code pending} (the deflated
 * {@link PendingActionsJson}) and {@code pendingUntil}, the writing run's lease, go in the very
 * UpdateItem that records the evaluation, which leaves the timer where it was (due). Nothing else
 * is written and no transaction is needed. Ingestion arms the timer with
 * {@code if_not_exists(pendingUntil, …)}, so while actions are held it can only move to the lease's
 * end: a run that dies before publishing is followed by one that publishes. Publishing is settled by
 * one more UpdateItem that clears them and arms the timer at the next deadline.
 *
 * <p>Action items of the former outbox ({@code sk = ACTION#<idempotencyKey>}, written in the record's
 * transaction before this) are still claimed and published from the same index until none is left;
 * they expire with their TTL.
 */
public final class DynamoDbEvaluationStore implements EvaluationStore, ActionOutbox {

    static final String DETAIL = "detail";
    static final String DONE = "done";
    static final String PUBLISHED_AT = "publishedAt";
    static final String PENDING = "pending";
    static final String PENDING_UNTIL = DynamoDbEngagementStore.PENDING_UNTIL;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final SegmentMembership segments;

    /** @param records the records' store, whose segment membership the evaluator's writes keep as its own do */
    public DynamoDbEvaluationStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter,
                                   DynamoDbEngagementStore records) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.segments = records.segments();
    }

    @Override
    public int shards() {
        return Keys.EVALUATION_DUE_SHARDS;
    }

    @Override
    public List<DueItem> due(int shard, Instant now, int limit) {
        List<DueItem> due = new ArrayList<>();
        for (Map<String, AttributeValue> item : DueIndex.dueBy(dynamoDb, table, meter, Keys.dueShard(shard), now, limit)) {
            String customerId = Keys.customerId(item.get(Keys.PK).s());
            String sk = item.get(Keys.SK).s();
            if (sk.equals(Keys.RECORD_SK)) {
                due.add(new DueItem.Record(customerId));
            } else if (sk.startsWith(Keys.ACTION_PREFIX)) {
                due.add(new DueItem.Action(customerId, sk.substring(Keys.ACTION_PREFIX.length())));
            }
        }
        return due;
    }

    @Override
    public Map<String, DueRecord> load(Collection<String> customerIds) {
        return load(customerIds, true);
    }

    @Override
    public Map<String, DueRecord> loadEventually(Collection<String> customerIds) {
        return load(customerIds, false);
    }

    private Map<String, DueRecord> load(Collection<String> customerIds, boolean consistent) {
        Map<String, DueRecord> out = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>(new HashSet<>(customerIds));
        for (int from = 0; from < ids.size(); from += BatchReads.BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BatchReads.BATCH_GET_LIMIT))
                    .stream().map(DynamoDbEngagementStore::recordKey).toList();
            KeysAndAttributes request = KeysAndAttributes.builder()
                    .keys(keys).consistentRead(consistent).projectionExpression("pk, #d, #v, #due, #e, #p, #pu, #sg")
                    .expressionAttributeNames(Map.of("#d", DynamoDbEngagementStore.DOC, "#v", DynamoDbEngagementStore.VERSION,
                            "#due", Keys.DUE_AT, "#e", DynamoDbEngagementStore.ERASED_AT, "#p", PENDING, "#pu", PENDING_UNTIL,
                            "#sg", SegmentMembership.SEGMENTS))
                    .build();
            // Inflating and parsing a hundred records is CPU work; spread it over the cores.
            BatchReads.readAll(dynamoDb, table, request, meter, items -> items.parallelStream()
                    .map(DynamoDbEvaluationStore::toDue)
                    .forEach(due -> out.put(due.stored().record().customerId(), due)));
        }
        Map<String, DueRecord> all = new HashMap<>(out);
        for (String id : customerIds) all.putIfAbsent(id, DueRecord.of(StoredRecord.absent(id)));
        return all;
    }

    private static DueRecord toDue(Map<String, AttributeValue> item) {
        StoredRecord stored = DynamoDbEngagementStore.toStored(item);
        AttributeValue pending = item.get(PENDING);
        AttributeValue until = item.get(PENDING_UNTIL);
        if (pending == null || until == null) return DueRecord.of(stored);
        return new DueRecord(stored, PendingActionsJson.fromBytes(Compression.inflate(pending.b().asByteArray())),
                Optional.of(Instant.parse(until.s())));
    }

    @Override
    public SaveResult save(DueRecord previous, EngagementRecord next, Optional<Instant> dueAt,
                           List<PendingAction> toPublish, Instant leaseUntil) {
        String customerId = previous.stored().record().customerId();
        Map<String, String> names = new HashMap<>(Map.of("#d", DynamoDbEngagementStore.DOC,
                "#v", DynamoDbEngagementStore.VERSION, "#p", PENDING, "#pu", PENDING_UNTIL));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":doc", AttributeValue.fromB(SdkBytes.fromByteArray(
                Compression.deflate(StoredRecordJson.toBytes(next)))));
        values.put(":next", AttributeValue.fromN(Long.toString(previous.stored().version() + 1)));
        values.put(":expected", AttributeValue.fromN(Long.toString(previous.stored().version())));
        String expression;
        if (toPublish.isEmpty()) {
            expression = "SET #d = :doc, #v = :next" + DueIndex.armOrDisarm(Keys.dueShard(customerId), dueAt, names, values);
            expression = expression.contains(" REMOVE ") ? expression + ", #p, #pu" : expression + " REMOVE #p, #pu";
        } else {
            // The timer stays as it is (due): arming it waits for the publish (settle).
            expression = "SET #d = :doc, #v = :next, #p = :pending, #pu = :until";
            values.put(":pending", AttributeValue.fromB(SdkBytes.fromByteArray(
                    Compression.deflate(PendingActionsJson.toBytes(toPublish)))));
            values.put(":until", AttributeValue.fromS(Keys.dueAt(leaseUntil)));
        }
        MembershipChange membership = segments.change(previous.stored(), next);
        if (!membership.isEmpty()) {
            expression = SegmentMembership.withSegments(expression,
                    SegmentMembership.after(previous.stored().segments(), membership), names, values);
        }
        try {
            String update = expression;
            if (membership.isEmpty()) {
                var response = dynamoDb.updateItem(b -> b.tableName(table).key(DynamoDbEngagementStore.recordKey(customerId))
                        .updateExpression(update).conditionExpression("#v = :expected")
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.write(response.consumedCapacity());
            } else {
                // Time moved the customer into or out of a segment: members, counters and record together.
                List<TransactWriteItem> writes = new ArrayList<>();
                writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(DynamoDbEngagementStore.recordKey(customerId)).updateExpression(update)
                        .conditionExpression("#v = :expected").expressionAttributeNames(names)
                        .expressionAttributeValues(values).build()).build());
                writes.addAll(segments.writes(customerId, membership));
                var response = dynamoDb.transactWriteItems(b -> b.transactItems(writes)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.write(response.consumedCapacity());
            }
            return new SaveResult.Saved();
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            return new SaveResult.VersionConflict();
        } catch (TransactionCanceledException e) {
            if (!DynamoDbEngagementStore.lostRace(e)) throw e;
            return new SaveResult.VersionConflict();
        }
    }

    @Override
    public void settle(String customerId, long written, Instant leaseUntil, Optional<Instant> dueAt,
                       List<PendingAction> left) {
        Map<String, String> names = new HashMap<>(Map.of("#pu", PENDING_UNTIL, "#p", PENDING));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":lease", AttributeValue.fromS(Keys.dueAt(leaseUntil)));
        if (!left.isEmpty()) {
            // Some destinations failed: keep what is left, with what it reached, for a run after the lease.
            values.put(":pending", AttributeValue.fromB(SdkBytes.fromByteArray(
                    Compression.deflate(PendingActionsJson.toBytes(left)))));
            update(customerId, "SET #p = :pending", "#pu = :lease", names, values);
            return;
        }
        // Still the version written: arm the timer at the next deadline, as a version of its own, so a
        // writer that read the timer due before this reads again instead of deciding on a stale timer.
        Map<String, String> armNames = new HashMap<>(names);
        Map<String, AttributeValue> armValues = new HashMap<>(values);
        armNames.put("#v", DynamoDbEngagementStore.VERSION);
        armValues.put(":written", AttributeValue.fromN(Long.toString(written)));
        armValues.put(":next", AttributeValue.fromN(Long.toString(written + 1)));
        String arm = "SET #v = :next" + DueIndex.armOrDisarm(Keys.dueShard(customerId), dueAt, armNames, armValues);
        arm = arm.contains(" REMOVE ") ? arm + ", #p, #pu" : arm + " REMOVE #p, #pu";
        if (update(customerId, arm, "#v = :written AND #pu = :lease", armNames, armValues)) return;
        // Written since (an event): clear the actions and leave the timer due, so the next run looks again.
        update(customerId, "REMOVE #p, #pu", "#pu = :lease", names, values);
    }

    /** @return false when the condition failed */
    private boolean update(String customerId, String expression, String condition, Map<String, String> names,
                           Map<String, AttributeValue> values) {
        try {
            var response = dynamoDb.updateItem(b -> b.tableName(table).key(DynamoDbEngagementStore.recordKey(customerId))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            return false;
        }
    }

    @Override
    public Optional<PendingAction> claim(DueItem.Action due, Instant now, Instant leaseUntil) {
        try {
            var response = dynamoDb.updateItem(b -> b.tableName(table).key(actionKey(due.customerId(), due.idempotencyKey()))
                    .updateExpression("SET #a = :lease")
                    .conditionExpression("attribute_exists(#a) AND #a <= :now")
                    .expressionAttributeNames(Map.of("#a", Keys.DUE_AT))
                    .expressionAttributeValues(Map.of(":lease", AttributeValue.fromS(Keys.dueAt(leaseUntil)),
                            ":now", AttributeValue.fromS(Keys.dueBy(now))))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
            Map<String, AttributeValue> item = response.attributes();
            Set<Destination> done = EnumSet.noneOf(Destination.class);
            AttributeValue reached = item.get(DONE);
            if (reached != null && reached.hasSs()) reached.ss().forEach(name -> done.add(Destination.valueOf(name)));
            return Optional.of(new PendingAction(RetentionActionRequestedJson.fromDetail(item.get(DETAIL).s()), done));
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            return Optional.empty(); // published or taken by another run since the index was read
        }
    }

    @Override
    public void published(PendingAction action, Instant now) {
        ActionRequest request = action.request();
        var response = dynamoDb.updateItem(b -> b.tableName(table).key(actionKey(request.customerId(), request.idempotencyKey()))
                .updateExpression("SET #p = :now, #done = :all REMOVE #s, #a")
                .expressionAttributeNames(Map.of("#p", PUBLISHED_AT, "#done", DONE, "#s", Keys.DUE_SHARD, "#a", Keys.DUE_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()),
                        ":all", AttributeValue.fromSs(EnumSet.allOf(Destination.class).stream().map(Enum::name).toList())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(response.consumedCapacity());
    }

    @Override
    public void retryLater(PendingAction action, Set<Destination> done) {
        if (done.isEmpty() || done.equals(action.done())) return; // the lease running out makes it due again
        ActionRequest request = action.request();
        var response = dynamoDb.updateItem(b -> b.tableName(table).key(actionKey(request.customerId(), request.idempotencyKey()))
                .updateExpression("SET #done = :done")
                .expressionAttributeNames(Map.of("#done", DONE))
                .expressionAttributeValues(Map.of(":done", AttributeValue.fromSs(done.stream().map(Enum::name).toList())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(response.consumedCapacity());
    }

    private static Map<String, AttributeValue> actionKey(String customerId, String idempotencyKey) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(customerId)),
                Keys.SK, AttributeValue.fromS(Keys.action(idempotencyKey)));
    }
}
