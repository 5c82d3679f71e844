package dev.winback.adapters.dynamodb;

import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.segment.CurrentSegments;
import dev.winback.core.segment.MembershipChange;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps segment membership exact as records are written. The record item holds the ids of the
 * segments it is in ({@link #SEGMENTS}); each write of the record judges the segments in force
 * against the new record, and when the set differs (rare: most events change no segment) the write
 * becomes a transaction that also puts or deletes the member items and adds ±1 to the shard's
 * count and to its day's change. Otherwise the write stays the plain conditional UpdateItem.
 *
 * <p>Why member items ({@code pk = SEG#<segmentId>#<shard>}, {@code sk = C#<customerId>}) and not a
 * sparse index: a customer is in several segments at once, and an index item has one key, so each
 * segment would need its own index (at most 20 per table, each a deployment). A member item costs
 * one write unit when a customer enters or leaves, nothing while they stay, and reading a segment
 * is a Query of its partitions: read units in proportion to the members (about 40 bytes each,
 * 100 to a read unit), never a scan of all customers.
 */
public final class SegmentMembership {

    /** The record item's attribute holding its segment ids (a string set, absent when in none). */
    public static final String SEGMENTS = "segs";
    static final String COUNT = "n";

    /** Writes no membership: a store without segments. */
    public static final SegmentMembership NONE = new SegmentMembership(null, CurrentSegments.NONE, Clock.systemUTC());

    private final String table;
    private final CurrentSegments segments;
    private final Clock clock;

    public SegmentMembership(String table, CurrentSegments segments, Clock clock) {
        this.table = table;
        this.segments = segments;
        this.clock = clock;
    }

    /** What writing {@code next} over {@code previous} changes in membership. */
    MembershipChange change(StoredRecord previous, EngagementRecord next) {
        return MembershipChange.between(previous.segments(), segments.current().of(next, clock.instant()));
    }

    /** The segments after a change, as the record item's attribute is set. */
    static Set<String> after(Set<String> before, MembershipChange change) {
        Set<String> after = new HashSet<>(before);
        after.removeAll(change.left());
        after.addAll(change.entered());
        return after;
    }

    /**
     * The record update's expression with its segment ids set to {@code after} (removed when empty).
     * The expression starts with SET and may end with a REMOVE clause.
     */
    static String withSegments(String expression, Set<String> after, Map<String, String> names,
                               Map<String, AttributeValue> values) {
        names.put("#sg", SEGMENTS);
        if (after.isEmpty()) {
            return expression.contains(" REMOVE ") ? expression + ", #sg" : expression + " REMOVE #sg";
        }
        values.put(":sg", AttributeValue.fromSs(List.copyOf(after)));
        return expression.replaceFirst("^SET ", "SET #sg = :sg, ");
    }

    /** The member items to put or delete and the counters to move, for the record's transaction. */
    List<TransactWriteItem> writes(String customerId, MembershipChange change) {
        List<TransactWriteItem> writes = new ArrayList<>();
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String segmentId : change.entered()) {
            String pk = Keys.segmentMembers(segmentId, customerId);
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of(
                    Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(Keys.segmentMember(customerId)))).build()).build());
            writes.addAll(counted(pk, day, 1));
        }
        for (String segmentId : change.left()) {
            String pk = Keys.segmentMembers(segmentId, customerId);
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of(
                    Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(Keys.segmentMember(customerId)))).build()).build());
            writes.addAll(counted(pk, day, -1));
        }
        return writes;
    }

    /** The writes that take an erased customer out of every segment the record item said. */
    List<TransactWriteItem> erased(String customerId, Set<String> segmentIds) {
        return writes(customerId, MembershipChange.between(segmentIds, Set.of()));
    }

    private List<TransactWriteItem> counted(String pk, LocalDate day, int delta) {
        return List.of(add(pk, Keys.SEGMENT_COUNT_SK, delta), add(pk, Keys.segmentDay(day), delta));
    }

    private TransactWriteItem add(String pk, String sk, int delta) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))
                .updateExpression("ADD #n :d").expressionAttributeNames(Map.of("#n", COUNT))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromN(Integer.toString(delta)))).build()).build();
    }
}
