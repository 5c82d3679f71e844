package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.DeliveryJson;
import dev.winback.core.delivery.LedgerClaim;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.delivery.MessageLedger;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.record.StoredRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The permanent send ledger in the single table: one item per message in its customer's partition
 * ({@code pk = C#<customerId>}, {@code sk = MSG#<message key>}), holding a version {@code v} for
 * conditional writes, the status, and the entry as compressed JSON. An entry waiting for a timer
 * carries {@code dueShard = MSGDUE#n} and {@code dueAt}, which puts it in the sparse due-time index
 * under shard keys of its own. No TTL: the ledger is what proves a message was (or was not) sent.
 */
public final class DynamoDbMessageLedger implements MessageLedger {

    static final String VERSION = "v";
    static final String STATUS = "st";
    static final String DOC = "doc";
    static final String CREATED_AT = "createdAt";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    public DynamoDbMessageLedger(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public Optional<LedgerEntry> find(MessageKey key) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(entry(key.customerId(), response.item())) : Optional.empty();
    }

    @Override
    public Optional<LedgerEntry> store(LedgerEntry next) {
        Put put = put(next);
        try {
            meter.write(dynamoDb.putItem(b -> b.tableName(table).item(put.item())
                    .conditionExpression(put.conditionExpression()).expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.expressionAttributeValues().isEmpty() ? null : put.expressionAttributeValues())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            return Optional.of(next.withVersion(next.version() + 1));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * One transaction instead of three requests: the claim, the copy of the message for the
     * customer's export ({@link SentCopies}), and a check that the customer's record is still at the
     * version the send was planned on. Each request it replaces is safe to drop:
     * <ul>
     *   <li>the separate copy write: the copy is still stored before the provider call, and only if
     *       the claim is (a claim that loses stores no copy, as the copy never outlived a lost claim
     *       anyway: the sender was not called then);</li>
     *   <li>the record read after the claim: it existed so that a withdrawal landing between the
     *       read and the claim stops the send. The check in the same atomic write fails in exactly
     *       that case, so the claim is not stored and the send is planned again on the record read anew.
     *       A crash after this write leaves a claim, which becomes unknown and is never resent, as before.</li>
     * </ul>
     */
    @Override
    public LedgerClaim claim(LedgerEntry claiming, OutboundMessage message, StoredRecord read) {
        List<TransactWriteItem> writes = new ArrayList<>(3);
        writes.add(TransactWriteItem.builder().put(put(claiming)).build());
        writes.add(TransactWriteItem.builder().conditionCheck(recordUnchanged(claiming.key().customerId(), read)).build());
        if (SentCopies.kept(message.channel())) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(SentCopies.item(message, claiming.updatedAt()))).build());
        }
        try {
            meter.write(dynamoDb.transactWriteItems(b -> b.transactItems(writes)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            return new LedgerClaim.Claimed(claiming.withVersion(claiming.version() + 1), true);
        } catch (TransactionCanceledException e) {
            if (refused(e, 0)) return new LedgerClaim.Taken();
            if (refused(e, 1)) return new LedgerClaim.RecordChanged();
            throw e;
        }
    }

    /** Whether item {@code index} of a cancelled transaction failed its condition, or was being written by another. */
    private static boolean refused(TransactionCanceledException e, int index) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().size() <= index) return false;
        String code = e.cancellationReasons().get(index).code();
        return "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code);
    }

    private ConditionCheck recordUnchanged(String customerId, StoredRecord read) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table)
                .key(DynamoDbEngagementStore.recordKey(customerId));
        if (read.version() == 0) {
            return check.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Keys.PK))
                    .build();
        }
        return check.conditionExpression("#v = :read").expressionAttributeNames(Map.of("#v", DynamoDbEngagementStore.VERSION))
                .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(read.version())))).build();
    }

    /** The entry's item, written only if the stored version is still the one {@code next} was read at. */
    private Put put(LedgerEntry next) {
        long version = next.version() + 1;
        Map<String, AttributeValue> item = new HashMap<>(key(next.key()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        item.put(STATUS, AttributeValue.fromS(next.status().wireName()));
        item.put(CREATED_AT, AttributeValue.fromS(next.createdAt().toString()));
        item.put(DOC, AttributeValue.fromB(SdkBytes.fromByteArray(Compression.deflate(DeliveryJson.entryBytes(next)))));
        next.timer().ifPresent(timer -> {
            item.put(Keys.DUE_SHARD, AttributeValue.fromS(Keys.messageDueShard(next.key().customerId())));
            item.put(Keys.DUE_AT, AttributeValue.fromS(Keys.dueAt(timer)));
        });
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (next.version() == 0) {
            return put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Keys.PK))
                    .build();
        }
        return put.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", VERSION))
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(next.version()))))
                .build();
    }

    @Override
    public int shards() {
        return Keys.DUE_SHARDS;
    }

    @Override
    public List<MessageKey> due(int shard, Instant now) {
        List<MessageKey> due = new ArrayList<>();
        for (Map<String, AttributeValue> item : DueIndex.dueBy(dynamoDb, table, meter, Keys.messageDueShard(shard), now)) {
            String sk = item.get(Keys.SK).s();
            if (sk.startsWith(Keys.MESSAGE_PREFIX)) {
                due.add(new MessageKey(Keys.customerId(item.get(Keys.PK).s()), sk.substring(Keys.MESSAGE_PREFIX.length())));
            }
        }
        return due;
    }

    @Override
    public List<LedgerEntry> recent(String customerId, int limit) {
        List<LedgerEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customer(customerId)),
                            ":prefix", AttributeValue.fromS(Keys.MESSAGE_PREFIX)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (start != null) request.exclusiveStartKey(start);
            QueryResponse response = dynamoDb.query(request.build());
            meter.read(response.consumedCapacity());
            response.items().forEach(item -> entries.add(entry(customerId, item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        entries.sort(Comparator.comparing(LedgerEntry::createdAt).reversed()
                .thenComparing(e -> e.key().id()));
        return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : entries;
    }

    private Map<String, AttributeValue> key(MessageKey key) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(key.customerId())),
                Keys.SK, AttributeValue.fromS(Keys.message(key.id())));
    }

    private static LedgerEntry entry(String customerId, Map<String, AttributeValue> item) {
        MessageKey key = new MessageKey(customerId, item.get(Keys.SK).s().substring(Keys.MESSAGE_PREFIX.length()));
        return DeliveryJson.readEntry(key, Long.parseLong(item.get(VERSION).n()),
                Compression.inflate(item.get(DOC).b().asByteArray()));
    }
}
