package dev.winback.adapters.dynamodb;

import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentCount;
import dev.winback.core.segment.SegmentCounts;
import dev.winback.core.segment.SegmentMembers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Reads what {@link SegmentMembership} keeps: a segment's members a page at a time, and its counts.
 *
 * <p>Members are paged shard after shard ({@code SEG#<id>#0} first), each shard in customer-id
 * order: a page Queries only from the cursor on, with a limit of what the page still needs, so
 * paging through a segment reads each member item once. (Merging the shards in parallel would read
 * up to 16 pages to return one.) The cursor names the shard and the last id returned, encoded.
 */
public final class DynamoDbSegmentMembers implements SegmentMembers, SegmentCounts {

    public static final int MAX_PAGE = 1_000;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    public DynamoDbSegmentMembers(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public MemberPage page(String segmentId, Optional<String> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE);
        Cursor cursor = after.map(Cursor::decode).orElse(new Cursor(0, ""));
        List<String> ids = new ArrayList<>();
        int shard = cursor.shard();
        String from = cursor.lastId();
        while (shard < Keys.SEGMENT_SHARDS && ids.size() < limit) {
            boolean exhausted = true;
            Map<String, AttributeValue> start = from.isEmpty() ? null : Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.segmentMembers(segmentId, shard)),
                    Keys.SK, AttributeValue.fromS(Keys.segmentMember(from)));
            QueryResponse page = members(segmentId, shard, start, limit - ids.size());
            for (Map<String, AttributeValue> item : page.items()) {
                String id = item.get(Keys.SK).s().substring(Keys.SEGMENT_MEMBER_PREFIX.length());
                ids.add(id);
                from = id;
            }
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) exhausted = false;
            if (exhausted) {
                shard++;
                from = "";
            }
        }
        if (shard >= Keys.SEGMENT_SHARDS) return MemberPage.last(ids);
        return new MemberPage(ids, Optional.of(new Cursor(shard, from).encode()));
    }

    private QueryResponse members(String segmentId, int shard, Map<String, AttributeValue> start, int limit) {
        QueryResponse page = dynamoDb.query(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :member)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.segmentMembers(segmentId, shard)),
                        ":member", AttributeValue.fromS(Keys.SEGMENT_MEMBER_PREFIX)))
                .exclusiveStartKey(start).limit(limit).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(page.consumedCapacity());
        return page;
    }

    /** One Query per shard, in parallel: the days' changes from {@code from} on, and the count (sk N sorts after D#). */
    @Override
    public SegmentCount count(String segmentId, LocalDate from, LocalDate today) {
        Map<LocalDate, Long> changes = new HashMap<>();
        long[] members = new long[1];
        IntStream.range(0, Keys.SEGMENT_SHARDS).parallel().mapToObj(shard -> counters(segmentId, shard, from))
                .toList().forEach(items -> items.forEach(item -> {
                    long n = Long.parseLong(item.get(SegmentMembership.COUNT).n());
                    String sk = item.get(Keys.SK).s();
                    if (sk.equals(Keys.SEGMENT_COUNT_SK)) members[0] += n;
                    else changes.merge(LocalDate.parse(sk.substring(Keys.SEGMENT_DAY_PREFIX.length())), n, Long::sum);
                }));
        SortedMap<LocalDate, Long> sorted = new TreeMap<>(changes);
        return SegmentCount.of(members[0], sorted, from, today);
    }

    private List<Map<String, AttributeValue>> counters(String segmentId, int shard, LocalDate from) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :count")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.segmentMembers(segmentId, shard)),
                            ":from", AttributeValue.fromS(Keys.segmentDay(from)),
                            ":count", AttributeValue.fromS(Keys.SEGMENT_COUNT_SK)))
                    .exclusiveStartKey(after).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.read(page.consumedCapacity());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Where the next page starts: after {@code lastId} in {@code shard} (from its start when empty). */
    private record Cursor(int shard, String lastId) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((shard + ":" + lastId).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int colon = plain.indexOf(':');
                int shard = Integer.parseInt(plain.substring(0, colon));
                if (shard < 0 || shard >= Keys.SEGMENT_SHARDS) throw new IllegalArgumentException("no such shard");
                return new Cursor(shard, plain.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a cursor this API returned", e);
            }
        }
    }
}
