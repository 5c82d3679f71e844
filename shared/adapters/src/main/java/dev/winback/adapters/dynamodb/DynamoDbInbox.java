package dev.winback.adapters.dynamodb;

import dev.winback.adapters.aws.SdkFailures;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The in-app channel: each message is an item in the customer's partition
 * ({@code pk = C#<customerId>}, {@code sk = INBOX#<messageId>}) that the app reads through
 * {@code GET /v1/customers/{customerId}/inbox}. The key is the message id alone, so storing a
 * message is a conditional put that keeps exactly one copy however often it is repeated; that makes
 * every failure safe to retry (this channel never answers unknown). Items expire through the table's
 * TTL ({@code expiresAt}); reads skip expired items that TTL has not removed yet and return the newest.
 */
public final class DynamoDbInbox implements ChannelSender {

    public static final Duration DEFAULT_TTL = Duration.ofDays(30);
    /** The most messages a read returns, and how many items it looks at (TTL and frequency caps keep inboxes far smaller). */
    public static final int MAX_LIMIT = 100;
    static final int MAX_ITEMS_READ = 1_000;

    static final String SENT_AT = "sentAt";
    static final String PURPOSE = "purpose";
    static final String SUBJECT = "subject";
    static final String TEXT = "text";
    static final String HTML = "html";
    static final String DATA = "data";

    /** One stored in-app message as the app sees it. */
    public record Entry(String messageId, Instant sentAt, Instant expiresAt, String purpose, String subject,
                        String text, String html, Map<String, String> data) {
        public Entry {
            data = Map.copyOf(data);
        }
    }

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final Clock clock;
    private final Duration ttl;

    public DynamoDbInbox(DynamoDbClient dynamoDb, String table, CapacityMeter meter, Clock clock, Duration ttl) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("the inbox TTL must be positive");
        this.ttl = ttl;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (message.channel() != Channel.IN_APP) {
            throw new IllegalArgumentException("the inbox got a message for " + message.channel());
        }
        Instant now = clock.instant();
        RenderedContent content = message.content();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.customer(message.customerId())));
        item.put(Keys.SK, s(Keys.inbox(message.messageId())));
        item.put(SENT_AT, s(now.toString()));
        item.put(Keys.EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(ttl).getEpochSecond())));
        item.put(PURPOSE, s(message.purpose().wireName()));
        item.put(SUBJECT, s(content.subject()));
        item.put(TEXT, s(content.text()));
        if (!content.html().isEmpty()) item.put(HTML, s(content.html()));
        if (!content.data().isEmpty()) {
            Map<String, AttributeValue> data = new HashMap<>();
            content.data().forEach((k, v) -> data.put(k, s(v)));
            item.put(DATA, AttributeValue.fromM(data));
        }
        try {
            PutItemResponse response = dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(" + Keys.PK + ")")
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
        } catch (ConditionalCheckFailedException e) {
            // Stored before: this is a repeat of the same message, and the copy stored first stays.
        } catch (AwsServiceException e) {
            return new SendResult.Retryable("storing the in-app message failed (" + SdkFailures.errorCode(e)
                    + ", HTTP " + e.statusCode() + "); storing again is safe");
        } catch (SdkException e) {
            return new SendResult.Retryable("storing the in-app message failed (" + e.getClass().getSimpleName()
                    + "); storing again is safe");
        }
        return new SendResult.Accepted(message.messageId(), false);
    }

    /** The newest unexpired messages first, at most {@code limit} (1 to {@link #MAX_LIMIT}). */
    public List<Entry> read(String customerId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        long now = clock.instant().getEpochSecond();
        List<Entry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int seen = 0;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :inbox)")
                    .filterExpression("#expires > :now")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK, "#expires", Keys.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":pk", s(Keys.customer(customerId)), ":inbox", s(Keys.INBOX_PREFIX),
                            ":now", AttributeValue.fromN(Long.toString(now))))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (start != null) query.exclusiveStartKey(start);
            QueryResponse page = dynamoDb.query(query.build());
            meter.read(page.consumedCapacity());
            seen += page.scannedCount();
            for (Map<String, AttributeValue> item : page.items()) entries.add(entry(item));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && seen < MAX_ITEMS_READ);
        entries.sort(Comparator.comparing(Entry::sentAt).thenComparing(Entry::messageId).reversed());
        return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : List.copyOf(entries);
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        Map<String, String> data = new TreeMap<>();
        AttributeValue stored = item.get(DATA);
        if (stored != null && stored.hasM()) stored.m().forEach((k, v) -> data.put(k, v.s()));
        return new Entry(item.get(Keys.SK).s().substring(Keys.INBOX_PREFIX.length()),
                Instant.parse(item.get(SENT_AT).s()),
                Instant.ofEpochSecond(Long.parseLong(item.get(Keys.EXPIRES_AT).n())),
                text(item, PURPOSE), text(item, SUBJECT), text(item, TEXT), text(item, HTML), data);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
