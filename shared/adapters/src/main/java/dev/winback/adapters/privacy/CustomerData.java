package dev.winback.adapters.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.adapters.dynamodb.Compression;
import dev.winback.adapters.dynamodb.BatchWrites;
import dev.winback.adapters.dynamodb.ContactIndex;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.adapters.record.EngagementRecordJson;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Privacy requests over everything Winback holds on one customer: every item in the customer's
 * partition ({@code pk = C#<customerId>}: the record, the consent log, archives, the action outbox,
 * and whatever the delivery side keeps there, such as sent messages and the inbox). Because both
 * requests read exactly that partition, an export can never contain another customer's data.
 */
public final class CustomerData {

    /** What erasure leaves behind: when, and nothing personal. */
    public static final String ERASED_SK = "ERASED";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContactIndex contacts;

    public CustomerData(DynamoDbClient dynamoDb, String table, ContactIndex contacts) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.contacts = contacts;
    }

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

    /** Everything held, as JSON: the record as the API shows it, then every item of the partition. */
    public void export(String customerId, Instant now, JsonGenerator g) throws IOException {
        List<Map<String, AttributeValue>> items = items(customerId);
        g.writeStartObject();
        g.writeStringField("customerId", customerId);
        g.writeStringField("exportedAt", now.toString());
        g.writeArrayFieldStart("items");
        for (Map<String, AttributeValue> item : items) {
            g.writeStartObject();
            g.writeStringField("sk", item.get(Keys.SK).s());
            if (Keys.RECORD_SK.equals(item.get(Keys.SK).s()) && item.containsKey("doc")) {
                g.writeFieldName("record");
                g.writeRawValue(new String(EngagementRecordJson.toBytes(record(item), false), StandardCharsets.UTF_8));
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

    /** What one erasure did. */
    public record Erasure(int itemsDeleted, int contactsTombstoned) {
    }

    /**
     * Deletes every item of the customer's partition and tombstones the record's email and phone
     * (keyed hashes only), so no later event can bring them back; leaves one item saying when.
     * Safe to repeat.
     */
    public Erasure erase(String customerId, Instant now) {
        List<Map<String, AttributeValue>> items = items(customerId);
        int tombstoned = 0;
        for (Map<String, AttributeValue> item : items) {
            if (!Keys.RECORD_SK.equals(item.get(Keys.SK).s()) || !item.containsKey("doc")) continue;
            Profile profile = record(item).profile();
            List<String> hashes = new ArrayList<>();
            if (profile.email() != null) hashes.add(contacts.hashes().email(profile.email().value()));
            if (profile.phone() != null) hashes.add(contacts.hashes().phone(profile.phone().value()));
            for (String hash : hashes) {
                contacts.tombstone(hash, now);
                contacts.forget(hash, customerId);
                tombstoned++;
            }
        }
        List<WriteRequest> deletes = items.stream()
                .filter(item -> !ERASED_SK.equals(item.get(Keys.SK).s()))
                .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of(Keys.PK, item.get(Keys.PK),
                        Keys.SK, item.get(Keys.SK)))).build()).toList();
        BatchWrites.writeAll(dynamoDb, table, deletes);
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(customerId)),
                Keys.SK, AttributeValue.fromS(ERASED_SK), "erasedAt", AttributeValue.fromS(now.toString()))));
        return new Erasure(deletes.size(), tombstoned);
    }

    private static EngagementRecord record(Map<String, AttributeValue> item) {
        return EngagementRecordJson.fromBytes(Compression.inflate(item.get("doc").b().asByteArray()));
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
