package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.DeliveryJson;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerWrite;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.delivery.MessageLedger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
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

    /** The item {@code next} is stored as: its key, and {@link #attributes}. */
    static Map<String, AttributeValue> item(LedgerEntry next) {
        Map<String, AttributeValue> item = new HashMap<>(key(next.key()));
        item.putAll(attributes(next));
        return item;
    }

    /**
     * The stored attributes of {@code next} besides its key, at its next version; the timer's two
     * ({@link Keys#DUE_SHARD}, {@link Keys#DUE_AT}) only when it has one.
     */
    static Map<String, AttributeValue> attributes(LedgerEntry next) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(VERSION, AttributeValue.fromN(Long.toString(next.version() + 1)));
        item.put(STATUS, AttributeValue.fromS(next.status().wireName()));
        item.put(CREATED_AT, AttributeValue.fromS(next.createdAt().toString()));
        item.put(DOC, AttributeValue.fromB(SdkBytes.fromByteArray(Compression.deflate(DeliveryJson.entryBytes(next)))));
        next.timer().ifPresent(timer -> {
            item.put(Keys.DUE_SHARD, AttributeValue.fromS(Keys.messageDueShard(next.key().customerId())));
            item.put(Keys.DUE_AT, AttributeValue.fromS(Keys.dueAt(timer)));
        });
        return item;
    }

    @Override
    public Optional<LedgerEntry> store(LedgerEntry next) {
        long version = next.version() + 1;
        Map<String, AttributeValue> item = item(next);
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (next.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Keys.PK));
        } else {
            put.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(next.version()))));
        }
        try {
            meter.write(dynamoDb.putItem(put.build()).consumedCapacity());
            return Optional.of(next.withVersion(version));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Replacements in as few requests as DynamoDB allows ({@link LedgerReplacements}), each under
     * the same condition as {@link #store}'s; creations, and a replacement the batch could not make
     * for another reason than its condition, are written by {@link #store}.
     */
    @Override
    public List<LedgerWrite> storeAll(List<LedgerEntry> nexts) {
        List<LedgerEntry> replacements = nexts.stream().filter(next -> next.version() > 0).toList();
        Map<LedgerEntry, LedgerWrite> replaced = LedgerReplacements.write(dynamoDb, table, meter, replacements);
        List<LedgerWrite> writes = new ArrayList<>(nexts.size());
        for (LedgerEntry next : nexts) {
            LedgerWrite write = replaced.get(next);
            writes.add(write != null ? write : storeOne(next));
        }
        return writes;
    }

    private LedgerWrite storeOne(LedgerEntry next) {
        try {
            return store(next).<LedgerWrite>map(LedgerWrite.Stored::new).orElseGet(LedgerWrite.Refused::new);
        } catch (RuntimeException e) {
            return new LedgerWrite.Failed(e);
        }
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

    static Map<String, AttributeValue> key(MessageKey key) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(key.customerId())),
                Keys.SK, AttributeValue.fromS(Keys.message(key.id())));
    }

    private static LedgerEntry entry(String customerId, Map<String, AttributeValue> item) {
        MessageKey key = new MessageKey(customerId, item.get(Keys.SK).s().substring(Keys.MESSAGE_PREFIX.length()));
        return DeliveryJson.readEntry(key, Long.parseLong(item.get(VERSION).n()),
                Compression.inflate(item.get(DOC).b().asByteArray()));
    }
}
