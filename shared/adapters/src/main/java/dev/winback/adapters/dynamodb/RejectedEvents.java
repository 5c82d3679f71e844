package dev.winback.adapters.dynamodb;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.RejectedEventLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Keeps invalid events from the queue path with their reasons, partitioned by day, for 30 days
 * (TTL), so nothing is lost and an operator can inspect, fix and resend them. The raw body may
 * hold personal data, so it lives here and never in logs.
 *
 * <p>An item stays far below DynamoDB's 400 KB limit whatever the input (an SQS message may be
 * 256 KB): the body is cut at 64 KB, at most {@link FieldError#MAX_LISTED} reasons of at most
 * {@value #MAX_REASON_CHARS} characters are kept, and {@code reasonsOmitted} counts the rest.
 * An item that could not be written would send its message round the queue to the dead-letter queue.
 */
public final class RejectedEvents implements RejectedEventLog {

    public static final Duration RETENTION = Duration.ofDays(30);
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_REASON_CHARS = 300;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public RejectedEvents(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * @param sourceId the delivering system's id for the input (SQS message id, request index)
     * @param omitted  how many errors the input had beyond {@code errors}
     */
    @Override
    public void keep(String source, String sourceId, String body, List<FieldError> errors, int omitted,
                     Instant receivedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.rejectedDay(LocalDate.ofInstant(receivedAt, ZoneOffset.UTC).toString())));
        // Deterministic sort key: redelivering the same input overwrites instead of piling up.
        item.put(Keys.SK, AttributeValue.fromS(source + "#" + sourceId));
        item.put("receivedAt", AttributeValue.fromS(receivedAt.toString()));
        item.put("source", AttributeValue.fromS(source));
        List<FieldError> listed = errors.subList(0, Math.min(errors.size(), FieldError.MAX_LISTED));
        item.put("reasons", AttributeValue.fromL(listed.stream()
                .map(e -> AttributeValue.fromS(shortened(e.field() + ": " + e.message()))).toList()));
        int notListed = omitted + errors.size() - listed.size();
        if (notListed > 0) {
            item.put("reasonsOmitted", AttributeValue.fromN(Integer.toString(notListed)));
        }
        byte[] raw = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        boolean truncated = raw.length > MAX_BODY_BYTES;
        item.put("body", AttributeValue.fromS(truncated
                ? new String(raw, 0, MAX_BODY_BYTES, StandardCharsets.UTF_8) : body == null ? "" : body));
        item.put("bodyTruncated", AttributeValue.fromBool(truncated));
        item.put(Keys.EXPIRES_AT, AttributeValue.fromN(Long.toString(receivedAt.plus(RETENTION).getEpochSecond())));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    private static String shortened(String reason) {
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "…";
    }

    /**
     * Deletes every rejected event still kept (the days of {@link #RETENTION} up to {@code now}, and
     * one more for TTL's lag) whose raw body {@code names}: erasure reaches bodies that could not be
     * read as events, and so name nobody in any other index. Reads every kept body; rejected events
     * are few, and erasure is rare.
     *
     * @return how many were deleted
     */
    public int forget(Predicate<String> names, Instant now) {
        List<WriteRequest> deletes = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (long back = 0; back <= RETENTION.toDays() + 1; back++) {
            String pk = Keys.rejectedDay(today.minusDays(back).toString());
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                        .projectionExpression("pk, sk, body").exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    AttributeValue body = item.get("body");
                    if (body != null && body.s() != null && names.test(body.s())) {
                        deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(Map.of(
                                Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK)))).build());
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        BatchWrites.writeAll(dynamoDb, table, deletes);
        return deletes.size();
    }
}
