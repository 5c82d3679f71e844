package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.StoredRecordJson;
import dev.winback.core.consent.ConsentLog;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.segment.MembershipChange;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Engagement records in the single table: one item per customer holding the record as a compressed
 * JSON document and a version for optimistic concurrency; monthly archive items hold the ids of
 * events too old for the record's window. The common write is one conditional UpdateItem; a write
 * that also archives uses a transaction so the two never disagree. Consent-log entries and contact
 * index items are written just before the record, in one BatchWriteItem.
 *
 * <p>The record item also carries the customer's evaluation timer ({@link Keys#DUE_SHARD},
 * {@link Keys#DUE_AT}), which puts it in the sparse due-time index. Ingestion sets it in the same
 * write only when it must move earlier, or later when it is about to fire for nothing (see
 * {@code DueTimes.onIngest}): an index write costs a write unit of its own, twice when the key
 * changes, and most events would only move it later.
 *
 * <p>Erasure replaces the record item with a marker ({@link #erasedMarker}: the key and when, no
 * document, no version). Every write here is conditional on the record item (absent, or at the
 * version read), so none can pass the marker: an erased customer is never re-created, and
 * {@link #load} returns them as {@link StoredRecord#erased}.
 */
public final class DynamoDbEngagementStore implements EngagementStore {

    static final String DOC = "doc";
    static final String VERSION = "v";
    static final String ARCHIVED_IDS = "ids";
    static final String ARCHIVED_PURCHASE_DAYS = "purchaseDays";
    public static final String ERASED_AT = "erasedAt";
    /** Until when the evaluator holds the actions it wrote into the record (in {@link Keys#dueAt} form). */
    static final String PENDING_UNTIL = "pendingUntil";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final ContactIndex contacts;
    private final SegmentMembership segments;
    private final WrittenRecords written;

    public DynamoDbEngagementStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this(dynamoDb, table, meter, null);
    }

    /** @param contacts where profile addresses are indexed by keyed hash; null to index none */
    public DynamoDbEngagementStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter, ContactIndex contacts) {
        this(dynamoDb, table, meter, contacts, SegmentMembership.NONE);
    }

    /** @param segments keeps segment membership with each record write */
    public DynamoDbEngagementStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter, ContactIndex contacts,
                                   SegmentMembership segments) {
        this(dynamoDb, table, meter, contacts, segments, WrittenRecords.NONE);
    }

    /** @param written the records this instance wrote last, which {@link #loadToUpdate} need not read */
    public DynamoDbEngagementStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter, ContactIndex contacts,
                                   SegmentMembership segments, WrittenRecords written) {
        this.written = written;
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.contacts = contacts;
        this.segments = segments;
    }

    /** The records this instance wrote last (their use, for benchmarks). */
    public WrittenRecords written() {
        return written;
    }

    /** How this store keeps segment membership (the evaluator's writes keep it the same way). */
    public SegmentMembership segments() {
        return segments;
    }

    @Override
    public Map<String, StoredRecord> load(Collection<String> customerIds) {
        return load(customerIds, true);
    }

    /**
     * The records this instance wrote last as it wrote them, the others read eventually consistent: a
     * record write is conditional on the version it starts from, which catches a stale read and a
     * record written since by anyone else.
     */
    @Override
    public Map<String, StoredRecord> loadToUpdate(Collection<String> customerIds) {
        Map<String, StoredRecord> out = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (String id : customerIds) written.startFrom(id).ifPresentOrElse(stored -> out.put(id, stored), () -> toRead.add(id));
        if (!toRead.isEmpty()) out.putAll(load(toRead, false));
        return out;
    }

    /**
     * @param consistent false for eventually consistent reads, which cost half: for callers whose
     *                   conditional write catches a stale read
     */
    public Map<String, StoredRecord> load(Collection<String> customerIds, boolean consistent) {
        Map<String, StoredRecord> out = new HashMap<>();
        List<String> ids = new ArrayList<>(new HashSet<>(customerIds));
        for (int from = 0; from < ids.size(); from += BatchReads.BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BatchReads.BATCH_GET_LIMIT))
                    .stream().map(DynamoDbEngagementStore::recordKey).toList();
            KeysAndAttributes request = KeysAndAttributes.builder()
                    .keys(keys).consistentRead(consistent).projectionExpression("pk, #d, #v, #due, #e, #sg")
                    .expressionAttributeNames(Map.of("#d", DOC, "#v", VERSION, "#due", Keys.DUE_AT, "#e", ERASED_AT,
                            "#sg", SegmentMembership.SEGMENTS))
                    .build();
            // Inflating and parsing a hundred records is CPU work; spread it over the cores.
            BatchReads.readAll(dynamoDb, table, request, meter, items -> items.parallelStream()
                    .map(DynamoDbEngagementStore::toStored).toList()
                    .forEach(stored -> out.put(stored.record().customerId(), stored)));
        }
        for (String id : customerIds) out.putIfAbsent(id, StoredRecord.absent(id));
        return out;
    }

    /**
     * One Query over the customer's archive items (read only for the rare event that needs them: one
     * dated before the record's window, or whose id may be archived under another month).
     */
    @Override
    public Map<YearMonth, ArchivedMonth> loadArchive(String customerId) {
        Map<YearMonth, ArchivedMonth> out = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customer(customerId)),
                            ":prefix", AttributeValue.fromS(Keys.ARCHIVE_PREFIX)))
                    .exclusiveStartKey(from).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.read(page.consumedCapacity());
            for (Map<String, AttributeValue> item : page.items()) {
                YearMonth month = Keys.archivedMonthOf(item.get(Keys.SK).s());
                out.put(month, new ArchivedMonth(month, numbers(item.get(ARCHIVED_IDS)),
                        numbers(item.get(ARCHIVED_PURCHASE_DAYS))));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public boolean save(StoredRecord previous, RecordUpdate.Result update, Optional<Instant> arm) {
        String customerId = previous.record().customerId();
        byte[] doc = Compression.deflate(StoredRecordJson.toBytes(update.record()));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":doc", AttributeValue.fromB(SdkBytes.fromByteArray(doc)));
        values.put(":next", AttributeValue.fromN(Long.toString(previous.version() + 1)));
        String condition;
        if (previous.version() == 0) {
            condition = "attribute_not_exists(pk)";
        } else {
            condition = "#v = :expected";
            values.put(":expected", AttributeValue.fromN(Long.toString(previous.version())));
        }
        Map<String, String> names = new HashMap<>(Map.of("#d", DOC, "#v", VERSION));
        String set = "SET #d = :doc, #v = :next";
        if (arm.isPresent()) {
            // While the evaluator holds actions to publish, the timer stays at the hold's end, so a
            // run that died before publishing is followed by one that does (DynamoDbEvaluationStore).
            set += ", #ds = :shard, #da = if_not_exists(#pu, :due)";
            names.put("#ds", Keys.DUE_SHARD);
            names.put("#da", Keys.DUE_AT);
            names.put("#pu", PENDING_UNTIL);
            values.put(":shard", AttributeValue.fromS(Keys.dueShard(customerId)));
            values.put(":due", AttributeValue.fromS(Keys.dueAt(arm.get())));
        }
        MembershipChange membership = segments.change(previous, update.record());
        if (!membership.isEmpty()) {
            set = SegmentMembership.withSegments(set, SegmentMembership.after(previous.segments(), membership), names, values);
        }
        // Consent-log entries and newly indexed contact addresses go first, in a batch: each is a put
        // of a key derived from the event, so a retry writes the very same items and the log is never
        // behind the record. A record write then needs a transaction only to archive: a transaction
        // costs twice the write units (and, in DynamoDB Local, several times the time).
        List<Map<String, AttributeValue>> extra = new ArrayList<>();
        ConsentLog.entriesOf(update.applied()).forEach(entry -> extra.add(ConsentItems.item(entry)));
        List<Map<String, AttributeValue>> owners = contacts == null ? List.of()
                : contacts.ownerItems(previous.record().profile(), update.applied());
        extra.addAll(owners);
        putAll(extra);
        if (!owners.isEmpty()) {
            // The record keeps the hash of every address it indexed, for erasure to find the owner items.
            set += " ADD #ch :ch";
            names.put("#ch", IndexedHashes.ATTRIBUTE);
            values.put(":ch", IndexedHashes.of(owners.stream().map(ContactIndex::indexedHash).toList()));
        }
        try {
            if (update.archiveAdditions().isEmpty() && membership.isEmpty()) {
                // The timer as written comes back (it stays at a pending hold's end), for the next batch.
                var response = dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table)
                        .key(recordKey(customerId)).updateExpression(set).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .returnValues(arm.isPresent() ? ReturnValue.UPDATED_NEW : ReturnValue.NONE)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
                meter.write(response.consumedCapacity());
                AttributeValue dueAt = arm.isPresent() && response.hasAttributes() ? response.attributes().get(Keys.DUE_AT) : null;
                written.wrote(previous, new StoredRecord(update.record(), previous.version() + 1,
                        dueAt == null ? previous.dueAt() : Optional.of(Instant.parse(dueAt.s())), previous.segments()));
            } else {
                // Archived ids and the record that no longer holds them change together, or not at all;
                // so do segment members and counters and the record that says which segments it is in.
                List<TransactWriteItem> writes = new ArrayList<>();
                writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(recordKey(customerId)).updateExpression(set).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
                update.archiveAdditions().forEach((month, addition) ->
                        writes.add(TransactWriteItem.builder().update(archiveUpdate(customerId, addition)).build()));
                writes.addAll(segments.writes(customerId, membership));
                var response = dynamoDb.transactWriteItems(b -> b.transactItems(writes)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.write(response.consumedCapacity());
                written.forget(customerId); // rare (an archive, a segment change): the next batch reads
            }
            return true;
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            // Someone else wrote first, or is writing in a transaction (the evaluator): read again.
            written.refused(previous);
            forgetIfErased(customerId, extra);
            return false;
        } catch (TransactionCanceledException e) {
            if (!lostRace(e)) throw e;
            written.refused(previous);
            forgetIfErased(customerId, extra);
            return false;
        } catch (RuntimeException e) {
            written.forget(customerId); // the write may or may not have happened
            throw e;
        }
    }

    /**
     * The customer was erased between our read and our write: the items written just before the
     * record (consent entries, contact owners) must not outlive the erasure that missed them.
     */
    private void forgetIfErased(String customerId, List<Map<String, AttributeValue>> written) {
        if (written.isEmpty()) return;
        var response = dynamoDb.getItem(b -> b.tableName(table).key(recordKey(customerId)).consistentRead(true)
                .projectionExpression("#e").expressionAttributeNames(Map.of("#e", ERASED_AT)));
        if (!response.hasItem() || !response.item().containsKey(ERASED_AT)) return;
        BatchWrites.writeAll(dynamoDb, table, written.stream().map(item -> WriteRequest.builder()
                .deleteRequest(d -> d.key(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK)))).build())
                .toList(), meter);
    }

    /** What erasure leaves of a record: its key and when, which no write of this store can pass. */
    public static Map<String, AttributeValue> erasedMarker(String customerId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(recordKey(customerId));
        item.put(ERASED_AT, AttributeValue.fromS(at.toString()));
        return item;
    }

    public static boolean isErasedMarker(Map<String, AttributeValue> item) {
        return item.containsKey(ERASED_AT) && !item.containsKey(DOC);
    }

    private void putAll(List<Map<String, AttributeValue>> items) {
        BatchWrites.writeAll(dynamoDb, table, items.stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList(), meter);
    }

    /** A transaction cancelled because another writer changed, or is changing, one of its items. */
    static boolean lostRace(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code));
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public String table() {
        return table;
    }

    /** One GetItem rather than a batch read of one. */
    @Override
    public Optional<StoredRecord> read(String customerId) {
        return Optional.ofNullable(find(customerId));
    }

    /** Reads one record for the API; null when the customer is unknown or was erased. */
    public StoredRecord find(String customerId) {
        var response = dynamoDb.getItem(b -> b.tableName(table).key(recordKey(customerId)).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        if (!response.hasItem() || response.item().isEmpty()) return null;
        StoredRecord stored = toStored(response.item());
        return stored.erased() ? null : stored;
    }

    /**
     * A record item exactly as the store writes it, for bulk loads (benchmarks, imports) through
     * BatchWriteItem, which has no conditions: load only where no newer version can exist.
     */
    public static Map<String, AttributeValue> recordItem(EngagementRecord record, long version, Optional<Instant> dueAt) {
        Map<String, AttributeValue> item = new HashMap<>(recordKey(record.customerId()));
        item.put(DOC, AttributeValue.fromB(SdkBytes.fromByteArray(
                Compression.deflate(StoredRecordJson.toBytes(record)))));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        dueAt.ifPresent(at -> {
            item.put(Keys.DUE_SHARD, AttributeValue.fromS(Keys.dueShard(record.customerId())));
            item.put(Keys.DUE_AT, AttributeValue.fromS(Keys.dueAt(at)));
        });
        return item;
    }

    private Update archiveUpdate(String customerId, ArchivedMonth addition) {
        List<String> adds = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (!addition.eventHashes().isEmpty()) {
            adds.add(ARCHIVED_IDS + " :ids");
            values.put(":ids", AttributeValue.fromNs(addition.eventHashes().stream().map(String::valueOf).toList()));
        }
        if (!addition.purchaseDays().isEmpty()) {
            adds.add(ARCHIVED_PURCHASE_DAYS + " :days");
            values.put(":days", AttributeValue.fromNs(addition.purchaseDays().stream().map(String::valueOf).toList()));
        }
        // ADD to a number set is idempotent, which keeps a repeated archive write harmless.
        return Update.builder().tableName(table).key(archiveKey(customerId, addition.month()))
                .updateExpression("ADD " + String.join(", ", adds)).expressionAttributeValues(values).build();
    }

    /**
     * A record through its stored form and back in memory (JSON, compression and the JSON reader
     * every read of a record uses), for SnapStart priming: the priming read finds no record, so
     * without this the first real read would be the first to load the reader.
     */
    public static EngagementRecord throughStoredForm(EngagementRecord record) {
        return StoredRecordJson.fromBytes(Compression.inflate(Compression.deflate(StoredRecordJson.toBytes(record))));
    }

    static StoredRecord toStored(Map<String, AttributeValue> item) {
        if (isErasedMarker(item)) return StoredRecord.erased(Keys.customerId(item.get(Keys.PK).s()));
        byte[] doc = Compression.inflate(item.get(DOC).b().asByteArray());
        AttributeValue due = item.get(Keys.DUE_AT);
        AttributeValue segmentIds = item.get(SegmentMembership.SEGMENTS);
        return new StoredRecord(StoredRecordJson.fromBytes(doc), Long.parseLong(item.get(VERSION).n()),
                due == null ? Optional.empty() : Optional.of(Instant.parse(due.s())),
                segmentIds == null || !segmentIds.hasSs() ? Set.of() : Set.copyOf(segmentIds.ss()));
    }

    private static Set<Long> numbers(AttributeValue set) {
        Set<Long> out = new HashSet<>();
        if (set != null && set.hasNs()) set.ns().forEach(n -> out.add(Long.parseLong(n)));
        return out;
    }

    static Map<String, AttributeValue> recordKey(String customerId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(customerId)), Keys.SK, AttributeValue.fromS(Keys.RECORD_SK));
    }

    private static Map<String, AttributeValue> archiveKey(String customerId, YearMonth month) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(customerId)),
                Keys.SK, AttributeValue.fromS(Keys.archiveMonth(month)));
    }
}
