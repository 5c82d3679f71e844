package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.StoredRecordJson;
import dev.winback.core.privacy.AddressTrail;
import dev.winback.core.privacy.CustomerDataStore;
import dev.winback.core.privacy.HeldItem;
import dev.winback.core.privacy.HeldValue;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Profile;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Everything Winback holds on one customer in the table: every item in the customer's partition
 * ({@code pk = C#<customerId>}: the record, the consent log, archives, the action outbox, the send
 * ledger with a copy of each message's content, the inbox, the customer's journeys, and the hashes of every address the record
 * was ever indexed under), the contact index's items for those addresses, and rejected events whose
 * body names the customer. Because an export reads exactly that partition, it can never contain
 * another customer's data.
 */
public final class DynamoDbCustomerData implements CustomerDataStore {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContactIndex contacts;
    private final RejectedEvents rejected;
    private final SegmentMembership segments;

    public DynamoDbCustomerData(DynamoDbClient dynamoDb, String table, ContactIndex contacts) {
        this(dynamoDb, table, contacts, SegmentMembership.NONE);
    }

    /** @param segments whose member items an erasure deletes with the record */
    public DynamoDbCustomerData(DynamoDbClient dynamoDb, String table, ContactIndex contacts, SegmentMembership segments) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.contacts = contacts;
        this.rejected = new RejectedEvents(dynamoDb, table);
        this.segments = segments;
    }

    /** Every item of the customer's partition, the erasure marker included. */
    public List<Map<String, AttributeValue>> items(String customerId) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customer(customerId))))
                    .exclusiveStartKey(from));
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /**
     * Each item as an export shows it: the record as the API shows it and each ledger entry as stored
     * (what was sent, when, on which channel); the {@code SENT#} items hold the subject and text of
     * each message, the {@code INBOX#} items the in-app messages, the {@code JOURNEYS} item the
     * customer's journeys as stored.
     */
    @Override
    public List<HeldItem> held(String customerId) {
        return items(customerId).stream().filter(item -> !DynamoDbEngagementStore.isErasedMarker(item))
                .map(DynamoDbCustomerData::heldItem).toList();
    }

    @Override
    public AddressTrail addressTrail(String customerId) {
        Set<String> reminded = new LinkedHashSet<>();
        Optional<Profile> profile = Optional.empty();
        for (Map<String, AttributeValue> item : items(customerId)) {
            ContactIndex.remindedHash(item).ifPresent(reminded::add);
            if (Keys.RECORD_SK.equals(item.get(Keys.SK).s())) {
                reminded.addAll(IndexedHashes.in(item));
                if (item.containsKey("doc")) profile = Optional.of(record(item).profile());
            }
        }
        return new AddressTrail(profile, reminded);
    }

    /**
     * Writes the marker unless the record item already is one (which keeps its time). A record in
     * segments leaves them in the same transaction, so no member item outlives the customer. The
     * marker keeps the record's indexed address hashes until {@link #deleteAllButMarker}, and replaces
     * only the version it read: a record write in between may have indexed another address.
     */
    @Override
    public void markErased(String customerId, Instant at) {
        for (int attempt = 1; ; attempt++) {
            var read = dynamoDb.getItem(b -> b.tableName(table).key(DynamoDbEngagementStore.recordKey(customerId))
                    .consistentRead(true).projectionExpression("#sg, #v, #e, #ch")
                    .expressionAttributeNames(Map.of("#sg", SegmentMembership.SEGMENTS, "#v", DynamoDbEngagementStore.VERSION,
                            "#e", DynamoDbEngagementStore.ERASED_AT, "#ch", IndexedHashes.ATTRIBUTE)));
            Map<String, AttributeValue> item = read.hasItem() ? read.item() : Map.of();
            AttributeValue version = item.get(DynamoDbEngagementStore.VERSION);
            if (version == null && item.containsKey(DynamoDbEngagementStore.ERASED_AT)) return; // the first marker stays
            Map<String, AttributeValue> marker = new HashMap<>(DynamoDbEngagementStore.erasedMarker(customerId, at));
            if (item.containsKey(IndexedHashes.ATTRIBUTE)) marker.put(IndexedHashes.ATTRIBUTE, item.get(IndexedHashes.ATTRIBUTE));
            AttributeValue segmentIds = item.get(SegmentMembership.SEGMENTS);
            if (segmentIds == null || !segmentIds.hasSs() || segmentIds.ss().isEmpty()) {
                Map<String, String> names = new HashMap<>(Map.of("#v", DynamoDbEngagementStore.VERSION,
                        "#sg", SegmentMembership.SEGMENTS));
                PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(marker);
                if (version == null) {
                    names.put("#e", DynamoDbEngagementStore.ERASED_AT);
                    put.conditionExpression("attribute_not_exists(#v) AND attribute_not_exists(#e) AND attribute_not_exists(#sg)");
                } else {
                    put.conditionExpression("#v = :v AND attribute_not_exists(#sg)")
                            .expressionAttributeValues(Map.of(":v", version));
                }
                try {
                    dynamoDb.putItem(put.expressionAttributeNames(names).build());
                    return;
                } catch (ConditionalCheckFailedException writtenInBetween) {
                    if (isMarker(customerId)) return; // the first erasure's marker stays as it is
                    if (attempt >= 4) throw writtenInBetween;
                    continue;
                }
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(marker).conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", DynamoDbEngagementStore.VERSION))
                    .expressionAttributeValues(Map.of(":v", version)).build()).build());
            writes.addAll(segments.erased(customerId, Set.copyOf(segmentIds.ss())));
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (!DynamoDbEngagementStore.lostRace(e) || attempt >= 4) throw e;
            }
        }
    }

    private boolean isMarker(String customerId) {
        var read = dynamoDb.getItem(b -> b.tableName(table).key(DynamoDbEngagementStore.recordKey(customerId))
                .consistentRead(true));
        return read.hasItem() && DynamoDbEngagementStore.isErasedMarker(read.item());
    }

    @Override
    public void tombstoneAddress(String addressHash, String customerId, Instant at) {
        contacts.tombstone(addressHash, at);
        contacts.forget(addressHash, customerId);
    }

    @Override
    public int deleteAllButMarker(String customerId) {
        List<WriteRequest> deletes = items(customerId).stream()
                .filter(item -> !DynamoDbEngagementStore.isErasedMarker(item))
                .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of(Keys.PK, item.get(Keys.PK),
                        Keys.SK, item.get(Keys.SK)))).build()).toList();
        BatchWrites.writeAll(dynamoDb, table, deletes);
        // The marker drops the address hashes it kept for the erasure: they would tie the id to them.
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(DynamoDbEngagementStore.recordKey(customerId))
                    .updateExpression("REMOVE #ch").conditionExpression("attribute_exists(#e) AND attribute_not_exists(#d)")
                    .expressionAttributeNames(Map.of("#ch", IndexedHashes.ATTRIBUTE,
                            "#e", DynamoDbEngagementStore.ERASED_AT, "#d", "doc")));
        } catch (ConditionalCheckFailedException noMarker) {
            // Nothing was marked (no record), so nothing kept hashes.
        }
        return deletes.size();
    }

    @Override
    public int forgetRejected(Predicate<String> names, Instant now) {
        return rejected.forget(names, now);
    }

    private static HeldItem heldItem(Map<String, AttributeValue> item) {
        String sk = item.get(Keys.SK).s();
        Optional<EngagementRecord> record = Keys.RECORD_SK.equals(sk) && item.containsKey("doc")
                ? Optional.of(record(item)) : Optional.empty();
        Optional<String> message = sk.startsWith(Keys.MESSAGE_PREFIX) && item.containsKey("doc")
                ? Optional.of(new String(Compression.inflate(item.get("doc").b().asByteArray()),
                        StandardCharsets.UTF_8))
                : Optional.empty();
        Optional<String> journeys = Keys.JOURNEYS_SK.equals(sk) && item.containsKey("doc")
                ? Optional.of(new String(Compression.inflate(item.get("doc").b().asByteArray()),
                        StandardCharsets.UTF_8))
                : Optional.empty();
        Map<String, HeldValue> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : new TreeMap<>(item).entrySet()) {
            if (e.getKey().equals(Keys.PK) || e.getKey().equals(Keys.SK) || e.getKey().equals("doc")) continue;
            attributes.put(e.getKey(), e.getKey().equals(IndexedHashes.ATTRIBUTE) && Keys.RECORD_SK.equals(sk)
                    ? texts(List.copyOf(IndexedHashes.in(item))) : value(e.getValue()));
        }
        return new HeldItem(sk, record, message, attributes, journeys);
    }

    private static EngagementRecord record(Map<String, AttributeValue> item) {
        return StoredRecordJson.fromBytes(Compression.inflate(item.get("doc").b().asByteArray()));
    }

    /** Sets and binaries as an export has always shown them: arrays of strings, base64 text. */
    private static HeldValue value(AttributeValue v) {
        return switch (v.type()) {
            case S -> new HeldValue.Text(v.s());
            case N -> new HeldValue.Number(new BigDecimal(v.n()));
            case BOOL -> new HeldValue.Bool(v.bool());
            case NUL -> new HeldValue.Null();
            case B -> new HeldValue.Text(base64(v.b()));
            case SS -> texts(v.ss());
            case NS -> texts(v.ns());
            case BS -> texts(v.bs().stream().map(DynamoDbCustomerData::base64).toList());
            case L -> new HeldValue.ListOf(v.l().stream().map(DynamoDbCustomerData::value).toList());
            case M -> {
                Map<String, HeldValue> entries = new LinkedHashMap<>();
                new TreeMap<>(v.m()).forEach((k, e) -> entries.put(k, value(e)));
                yield new HeldValue.MapOf(entries);
            }
            default -> new HeldValue.Null();
        };
    }

    private static HeldValue texts(List<String> values) {
        return new HeldValue.ListOf(values.stream().<HeldValue>map(HeldValue.Text::new).toList());
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
