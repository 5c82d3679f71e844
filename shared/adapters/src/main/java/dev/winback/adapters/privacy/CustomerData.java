package dev.winback.adapters.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.adapters.dynamodb.Compression;
import dev.winback.adapters.dynamodb.BatchWrites;
import dev.winback.adapters.dynamodb.ContactIndex;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.adapters.dynamodb.RejectedEvents;
import dev.winback.adapters.json.CustomerView;
import dev.winback.adapters.json.StoredRecordJson;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Profile;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Privacy requests over everything Winback holds on one customer: every item in the customer's
 * partition ({@code pk = C#<customerId>}: the record, the consent log, archives, the action outbox,
 * the send ledger with a copy of each message's content, the inbox, and the hashes of every address
 * the record was ever indexed under), the contact index's items for those addresses, and rejected
 * events whose body names the customer. Because an export reads exactly that partition, it can never
 * contain another customer's data.
 */
public final class CustomerData {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{6,15}");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContactIndex contacts;
    private final RejectedEvents rejected;

    public CustomerData(DynamoDbClient dynamoDb, String table, ContactIndex contacts) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.contacts = contacts;
        this.rejected = new RejectedEvents(dynamoDb, table);
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

    /** What is held on the customer: nothing once erased (the marker is not data about them). */
    public List<Map<String, AttributeValue>> held(String customerId) {
        return items(customerId).stream().filter(item -> !DynamoDbEngagementStore.isErasedMarker(item)).toList();
    }

    /**
     * Everything held, as JSON: every item of the partition, the record as the API shows it and each
     * ledger entry as stored (what was sent, when, on which channel); the {@code SENT#} items hold the
     * subject and text of each message, the {@code INBOX#} items the in-app messages.
     */
    public void export(String customerId, Instant now, JsonGenerator g) throws IOException {
        List<Map<String, AttributeValue>> items = held(customerId);
        g.writeStartObject();
        g.writeStringField("customerId", customerId);
        g.writeStringField("exportedAt", now.toString());
        g.writeArrayFieldStart("items");
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get(Keys.SK).s();
            g.writeStartObject();
            g.writeStringField("sk", sk);
            if (Keys.RECORD_SK.equals(sk) && item.containsKey("doc")) {
                g.writeFieldName("record");
                g.writeRawValue(new String(CustomerView.toBytes(record(item)), StandardCharsets.UTF_8));
            } else if (sk.startsWith(Keys.MESSAGE_PREFIX) && item.containsKey("doc")) {
                g.writeFieldName("message");
                g.writeRawValue(new String(Compression.inflate(item.get("doc").b().asByteArray()), StandardCharsets.UTF_8));
            }
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, AttributeValue> e : new TreeMap<>(item).entrySet()) {
                if (e.getKey().equals(Keys.PK) || e.getKey().equals(Keys.SK) || e.getKey().equals("doc")) continue;
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * What one erasure did.
     *
     * @param contactsTombstoned address hashes tombstoned (one per address and key of the secret)
     * @param rejectedDeleted    rejected events whose body named the customer or one of their addresses
     */
    public record Erasure(int itemsDeleted, int contactsTombstoned, int rejectedDeleted) {
    }

    /**
     * Erases the customer and everything that leads to them; safe to repeat.
     * <ol>
     *   <li>The record item becomes the erasure marker first: from then on no write of any path can
     *       create or change the record (see {@link DynamoDbEngagementStore}), so no later event, not
     *       even an unsubscribe click, brings the customer back.</li>
     *   <li>Every address the record was ever indexed under (the partition's reminders, and the
     *       record's own under every key) is tombstoned, and its owner item deleted: no address leads
     *       to the customer id any more, and none can be given to another customer.</li>
     *   <li>Every other item of the partition is deleted, read again after the marker so a write that
     *       raced it is caught too.</li>
     *   <li>Rejected events of the last {@link RejectedEvents#RETENTION} naming the customer id or any
     *       of those addresses are deleted.</li>
     * </ol>
     * Replies to texts are not stored by Winback: they go to the bus as {@code CustomerReplied}, and
     * whoever consumes them erases them there.
     */
    public Erasure erase(String customerId, Instant now) {
        List<Map<String, AttributeValue>> before = items(customerId);
        Instant erasedAt = before.stream().filter(DynamoDbEngagementStore::isErasedMarker).findFirst()
                .map(item -> Instant.parse(item.get(DynamoDbEngagementStore.ERASED_AT).s())).orElse(now);
        dynamoDb.putItem(b -> b.tableName(table).item(DynamoDbEngagementStore.erasedMarker(customerId, erasedAt)));

        Set<String> hashes = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : before) {
            ContactIndex.remindedHash(item).ifPresent(hashes::add);
            if (!Keys.RECORD_SK.equals(item.get(Keys.SK).s()) || !item.containsKey("doc")) continue;
            Profile profile = record(item).profile();
            if (profile.email() != null) {
                hashes.addAll(contacts.hashes().emailUnderEveryKey(profile.email().value()));
            }
            if (profile.phone() != null) {
                hashes.addAll(contacts.hashes().phoneUnderEveryKey(profile.phone().value()));
            }
        }
        List<Map<String, AttributeValue>> after = items(customerId);
        // A write that raced the marker may have indexed an address after the first read.
        after.forEach(item -> ContactIndex.remindedHash(item).ifPresent(hashes::add));
        for (String hash : hashes) {
            contacts.tombstone(hash, now);
            contacts.forget(hash, customerId);
        }

        List<WriteRequest> deletes = after.stream()
                .filter(item -> !DynamoDbEngagementStore.isErasedMarker(item))
                .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of(Keys.PK, item.get(Keys.PK),
                        Keys.SK, item.get(Keys.SK)))).build()).toList();
        BatchWrites.writeAll(dynamoDb, table, deletes);

        int rejectedDeleted = rejected.forget(naming(customerId, hashes), now);
        return new Erasure(deletes.size(), hashes.size(), rejectedDeleted);
    }

    /**
     * Which raw bodies name the customer: the id as a {@code customerId} value, or an email address
     * or phone number in it whose keyed hash is one of the customer's (so addresses the record held
     * long ago are found too, though only their hashes are kept).
     */
    private Predicate<String> naming(String customerId, Set<String> hashes) {
        Pattern id = Pattern.compile("\"customerId\"\\s*:\\s*\"" + Pattern.quote(customerId) + "\"");
        return body -> id.matcher(body).find() || hasAddressOf(body, hashes);
    }

    private boolean hasAddressOf(String body, Set<String> hashes) {
        if (hashes.isEmpty()) return false;
        Matcher email = EMAIL.matcher(body);
        while (email.find()) {
            if (contacts.hashes().emailUnderEveryKey(email.group()).stream().anyMatch(hashes::contains)) return true;
        }
        Matcher phone = PHONE.matcher(body);
        while (phone.find()) {
            if (contacts.hashes().phoneUnderEveryKey(phone.group()).stream().anyMatch(hashes::contains)) return true;
        }
        return false;
    }

    private static EngagementRecord record(Map<String, AttributeValue> item) {
        return StoredRecordJson.fromBytes(Compression.inflate(item.get("doc").b().asByteArray()));
    }

    private static void write(JsonGenerator g, AttributeValue v) throws IOException {
        switch (v.type()) {
            case S -> g.writeString(v.s());
            case N -> g.writeNumber(new java.math.BigDecimal(v.n()));
            case BOOL -> g.writeBoolean(v.bool());
            case NUL -> g.writeNull();
            case B -> g.writeString(Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case SS -> writeStrings(g, v.ss());
            case NS -> writeStrings(g, v.ns());
            case BS -> writeStrings(g, v.bs().stream().map(SdkBytes::asByteArray)
                    .map(Base64.getEncoder()::encodeToString).toList());
            case L -> {
                g.writeStartArray();
                for (AttributeValue e : v.l()) write(g, e);
                g.writeEndArray();
            }
            case M -> {
                g.writeStartObject();
                for (Map.Entry<String, AttributeValue> e : new TreeMap<>(v.m()).entrySet()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            default -> g.writeNull();
        }
    }

    private static void writeStrings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String s : values) g.writeString(s);
        g.writeEndArray();
    }
}
