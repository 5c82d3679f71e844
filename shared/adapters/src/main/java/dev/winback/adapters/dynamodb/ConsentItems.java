package dev.winback.adapters.dynamodb;

import dev.winback.core.consent.ConsentEntry;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Consent-log entries as items in the customer's partition: {@code pk = C#<customerId>},
 * {@code sk = CONSENT#<occurredAt>#<eventId>} (the instant in the fixed-width form, so the sort key
 * orders the log by time). Written once, never updated: the same event always makes the same item.
 */
public final class ConsentItems {

    private ConsentItems() {
    }

    public static String sortKey(ConsentEntry entry) {
        return Keys.consent(entry.at(), entry.eventId());
    }

    public static Map<String, AttributeValue> item(ConsentEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.customer(e.customerId())));
        item.put(Keys.SK, AttributeValue.fromS(sortKey(e)));
        item.put("eventId", AttributeValue.fromS(e.eventId()));
        item.put("at", AttributeValue.fromS(e.at().toString()));
        item.put("kind", AttributeValue.fromS(e.kind().wireName()));
        item.put("channel", AttributeValue.fromS(e.channel().wireName()));
        item.put("purpose", AttributeValue.fromS(e.purpose().wireName()));
        item.put("granted", AttributeValue.fromBool(e.granted()));
        item.put("status", AttributeValue.fromS(e.status()));
        item.put("source", AttributeValue.fromS(e.source()));
        item.put("wordingVersion", AttributeValue.fromS(e.wordingVersion()));
        e.messageId().ifPresent(m -> item.put("messageId", AttributeValue.fromS(m)));
        e.ipAddress().ifPresent(ip -> item.put("ipAddress", AttributeValue.fromS(ip)));
        if (e.receivedAt() != null) item.put("receivedAt", AttributeValue.fromS(e.receivedAt().toString()));
        return item;
    }

    public static ConsentEntry entry(Map<String, AttributeValue> item) {
        return new ConsentEntry(Keys.customerId(item.get(Keys.PK).s()), item.get("eventId").s(),
                Instant.parse(item.get("at").s()),
                ConsentEntry.Kind.valueOf(item.get("kind").s().toUpperCase(Locale.ROOT)),
                Channel.valueOf(item.get("channel").s().toUpperCase(Locale.ROOT)),
                Purpose.valueOf(item.get("purpose").s().toUpperCase(Locale.ROOT)),
                item.get("granted").bool(), item.get("status").s(), item.get("source").s(),
                item.get("wordingVersion").s(), text(item, "messageId"), text(item, "ipAddress"),
                text(item, "receivedAt").map(Instant::parse).orElse(null));
    }

    /** The whole log of one customer, oldest first. */
    public static List<ConsentEntry> read(DynamoDbClient dynamoDb, String table, String customerId) {
        List<ConsentEntry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customer(customerId)),
                            ":prefix", AttributeValue.fromS(Keys.CONSENT_PREFIX)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> out.add(entry(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? Optional.empty() : Optional.ofNullable(v.s());
    }
}
