package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.adapters.json.StoredRecordJson;
import dev.winback.core.evaluation.ActionOutbox;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.DueItem;
import dev.winback.core.evaluation.EvaluationStore;
import dev.winback.core.evaluation.PendingAction;
import dev.winback.core.evaluation.SaveResult;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Duration;
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

/**
 * The evaluator's side of the single table: the sparse due-time index, the conditional record write
 * that re-arms (or disarms) the timer, and the action outbox.
 *
 * <p>An outbox item ({@code pk = C#<customerId>}, {@code sk = ACTION#<idempotencyKey>}) is created with
 * {@code attribute_not_exists} in the transaction that records the evaluation, so an action can be
 * requested once only; it holds the request as its RetentionActionRequested detail. Until it is
 * published everywhere it carries a timer too, first the creating run's lease, so the next run finds
 * it through the same index if publishing failed or never happened. It expires 30 days after the
 * request (TTL), long after any signal it could repeat has ended.
 */
public final class DynamoDbEvaluationStore implements EvaluationStore, ActionOutbox {

    static final String DETAIL = "detail";
    static final String DONE = "done";
    static final String REQUESTED_AT = "requestedAt";
    static final String PUBLISHED_AT = "publishedAt";
    static final Duration OUTBOX_TTL = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final DynamoDbEngagementStore records;

    public DynamoDbEvaluationStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter,
                                   DynamoDbEngagementStore records) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.records = records;
    }

    @Override
    public int shards() {
        return Keys.DUE_SHARDS;
    }

    @Override
    public List<DueItem> due(int shard, Instant now) {
        List<DueItem> due = new ArrayList<>();
        for (Map<String, AttributeValue> item : DueIndex.dueBy(dynamoDb, table, meter, Keys.dueShard(shard), now)) {
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
    public Map<String, StoredRecord> load(Collection<String> customerIds) {
        return records.load(customerIds);
    }

    @Override
    public Map<String, StoredRecord> loadEventually(Collection<String> customerIds) {
        return records.load(customerIds, false);
    }

    @Override
    public SaveResult save(StoredRecord previous, EngagementRecord next, Optional<Instant> dueAt,
                           List<ActionRequest> newActions, Instant now, Instant leaseUntil) {
        String customerId = previous.record().customerId();
        Map<String, String> names = new HashMap<>(Map.of("#d", DynamoDbEngagementStore.DOC,
                "#v", DynamoDbEngagementStore.VERSION));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":doc", AttributeValue.fromB(SdkBytes.fromByteArray(
                Compression.deflate(StoredRecordJson.toBytes(next)))));
        values.put(":next", AttributeValue.fromN(Long.toString(previous.version() + 1)));
        values.put(":expected", AttributeValue.fromN(Long.toString(previous.version())));
        String expression = "SET #d = :doc, #v = :next"
                + DueIndex.armOrDisarm(Keys.dueShard(customerId), dueAt, names, values);
        Update record = Update.builder().tableName(table).key(DynamoDbEngagementStore.recordKey(customerId))
                .updateExpression(expression).conditionExpression("#v = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
        try {
            if (newActions.isEmpty()) {
                var response = dynamoDb.updateItem(b -> b.tableName(record.tableName()).key(record.key())
                        .updateExpression(record.updateExpression()).conditionExpression(record.conditionExpression())
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.write(response.consumedCapacity());
            } else {
                List<TransactWriteItem> writes = new ArrayList<>();
                writes.add(TransactWriteItem.builder().update(record).build());
                for (ActionRequest action : newActions) {
                    writes.add(TransactWriteItem.builder().put(outboxPut(action, now, leaseUntil)).build());
                }
                var response = dynamoDb.transactWriteItems(b -> b.transactItems(writes)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.write(response.consumedCapacity());
            }
            return new SaveResult.Saved();
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            return new SaveResult.VersionConflict();
        } catch (TransactionCanceledException e) {
            return cancelled(e, newActions);
        }
    }

    /** The reasons come one per item, in order: the record first, then each action. */
    private static SaveResult cancelled(TransactionCanceledException e, List<ActionRequest> newActions) {
        if (!e.hasCancellationReasons()) throw e;
        List<CancellationReason> reasons = e.cancellationReasons();
        if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))
                || "ConditionalCheckFailed".equals(reasons.getFirst().code())) {
            return new SaveResult.VersionConflict();
        }
        Set<String> existing = new HashSet<>();
        for (int i = 1; i < reasons.size() && i <= newActions.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                existing.add(newActions.get(i - 1).idempotencyKey());
            }
        }
        if (existing.isEmpty()) throw e;
        return new SaveResult.ActionsExist(existing);
    }

    private Put outboxPut(ActionRequest action, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.customer(action.customerId())));
        item.put(Keys.SK, AttributeValue.fromS(Keys.action(action.idempotencyKey())));
        item.put(DETAIL, AttributeValue.fromS(RetentionActionRequestedJson.toDetail(action)));
        item.put(REQUESTED_AT, AttributeValue.fromS(now.toString()));
        item.put(Keys.DUE_SHARD, AttributeValue.fromS(Keys.dueShard(action.customerId())));
        item.put(Keys.DUE_AT, AttributeValue.fromS(Keys.dueAt(leaseUntil)));
        item.put(Keys.EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(OUTBOX_TTL).getEpochSecond())));
        return Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK)).build();
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
