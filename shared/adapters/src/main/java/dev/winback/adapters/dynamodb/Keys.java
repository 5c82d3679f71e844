package dev.winback.adapters.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** The single-table key layout, in one place. */
public final class Keys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String RECORD_SK = "RECORD";

    /** The sparse index of durable timers (template.yaml): only items carrying both attributes are in it. */
    public static final String DUE_INDEX = "DueIndex";
    public static final String DUE_SHARD = "dueShard";
    public static final String DUE_AT = "dueAt";
    /** Timers are spread over this many index partitions, so that no one partition takes every write. */
    public static final int DUE_SHARDS = 16;

    public static final String ACTION_PREFIX = "ACTION#";
    /** A message in the permanent send ledger, in its customer's partition. */
    public static final String MESSAGE_PREFIX = "MSG#";
    public static final String MODEL_PK = "MODEL#purchase";
    public static final String MODEL_SK = "CURRENT";
    /** The table's TTL attribute (template.yaml), in epoch seconds. */
    public static final String EXPIRES_AT = "expiresAt";

    /** In-app messages in the customer's partition, one item per message id (idempotent stores). */
    public static final String INBOX_PREFIX = "INBOX#";

    private static final String CUSTOMER_PREFIX = "C#";

    private Keys() {
    }

    public static String customer(String customerId) {
        return CUSTOMER_PREFIX + customerId;
    }

    /** The customer id of a {@link #customer} key. */
    public static String customerId(String pk) {
        if (!pk.startsWith(CUSTOMER_PREFIX)) throw new IllegalArgumentException("not a customer key");
        return pk.substring(CUSTOMER_PREFIX.length());
    }

    public static final String ARCHIVE_PREFIX = "SEEN#";

    /** The month an archive item's sort key names. */
    public static YearMonth archivedMonthOf(String sortKey) {
        return YearMonth.parse(sortKey.substring(ARCHIVE_PREFIX.length()));
    }

    public static String archiveMonth(YearMonth month) {
        return ARCHIVE_PREFIX + month;
    }

    public static String rejectedDay(String isoDate) {
        return "REJECTED#" + isoDate;
    }

    public static String inbox(String messageId) {
        return INBOX_PREFIX + messageId;
    }

    public static String action(String idempotencyKey) {
        return ACTION_PREFIX + idempotencyKey;
    }

    /** The due shard of every timer of a customer: FNV-1a of the id's UTF-8 bytes, modulo {@link #DUE_SHARDS}. */
    public static String dueShard(String customerId) {
        return dueShard(Integer.remainderUnsigned(fnv1a(customerId), DUE_SHARDS));
    }

    public static String dueShard(int shard) {
        return "DUE#" + shard;
    }

    public static String message(String messageKeyId) {
        return MESSAGE_PREFIX + messageKeyId;
    }

    /**
     * Message timers (holds, receipt deadlines) live in the same sparse index under their own shard
     * keys, so the evaluator's queries of {@code DUE#n} never read them and delivery's never read records.
     */
    public static String messageDueShard(String customerId) {
        return messageDueShard(Integer.remainderUnsigned(fnv1a(customerId), DUE_SHARDS));
    }

    public static String messageDueShard(int shard) {
        return "MSGDUE#" + shard;
    }

    /**
     * A timer as the index sorts it: whole seconds, rounded up, in ISO-8601 with a fixed width, so
     * the order of the strings is the order of the instants (years 0 to 9999, four digits).
     */
    public static String dueAt(Instant at) {
        Instant truncated = at.truncatedTo(ChronoUnit.SECONDS);
        Instant second = truncated.equals(at) ? at : truncated.plusSeconds(1);
        return fixedWidth(second);
    }

    /** The upper bound of a "due by {@code now}" query: whole seconds, rounded down. */
    public static String dueBy(Instant now) {
        return fixedWidth(now.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String fixedWidth(Instant second) {
        String text = second.toString();
        if (text.length() != "2026-01-01T00:00:00Z".length()) {
            throw new IllegalArgumentException("timer out of the range years 0 to 9999: " + text);
        }
        return text;
    }

    private static int fnv1a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }
}
