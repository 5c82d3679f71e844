package dev.winback.adapters.dynamodb;

import dev.winback.core.outcome.Assignment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The single-table key layout, in one place: every partition and sort key Winback writes, and every
 * prefix it queries by, is named here. The strings are stored data: changing one orphans what the
 * table holds.
 */
public final class Keys {

    public static final String PK = "pk";
    public static final String SK = "sk";

    // A customer's partition: C#<customerId>.
    private static final String CUSTOMER_PREFIX = "C#";
    /** The engagement record. */
    public static final String RECORD_SK = "RECORD";
    /** A month of archived event ids and purchase days: SEEN#<yyyy-MM>. */
    public static final String ARCHIVE_PREFIX = "SEEN#";
    /** A consent-log entry: CONSENT#<instant, fixed width with nanoseconds>#<eventId>. */
    public static final String CONSENT_PREFIX = "CONSENT#";
    /** A message in the permanent send ledger: MSG#<message key id>. */
    public static final String MESSAGE_PREFIX = "MSG#";
    /** An in-app message, one item per message id (idempotent stores). */
    public static final String INBOX_PREFIX = "INBOX#";
    /** The copy of what a send said: SENT#<messageId>. */
    public static final String SENT_PREFIX = "SENT#";
    /** A requested retention action: ACTION#<idempotency key>. */
    public static final String ACTION_PREFIX = "ACTION#";
    /** The customer's journeys: runs, history and messages not yet handed over, with their own timer. */
    public static final String JOURNEYS_SK = "JOURNEYS";
    /** An anonymous customer's link to the customer it turned out to be (CDP ingest). */
    public static final String LINK_SK = "LINK";

    // The contact index: CONTACT#<hash>, with C#<customerId>, ERASED, SMS_STOPPED or EMAIL_SUPPRESSED as sort key.
    public static final String CONTACT_PREFIX = "CONTACT#";
    /** The tombstone of an erased customer's address. */
    public static final String CONTACT_ERASED_SK = "ERASED";
    /** A number that texted STOP when no customer had it (the SMS suppression list). */
    public static final String CONTACT_SMS_STOPPED_SK = "SMS_STOPPED";
    /** An email address an imported suppression list named when no customer had it. */
    public static final String CONTACT_EMAIL_SUPPRESSED_SK = "EMAIL_SUPPRESSED";

    /** The account-health guard: one item per alarm, EMAIL_MARKETING#<alarm name>. */
    public static final String ACCOUNT_HEALTH_PK = "ACCOUNT#health";
    public static final String EMAIL_MARKETING_PREFIX = "EMAIL_MARKETING#";

    /** Work done once (feedback notifications): ONCE#<key>, sort key ONCE. */
    public static final String ONCE_PREFIX = "ONCE#";
    public static final String ONCE_SK = "ONCE";

    /** Rejected events, one partition per UTC day: REJECTED#<yyyy-MM-dd>. */
    public static final String REJECTED_PREFIX = "REJECTED#";

    /** A journey's definitions: JOURNEY#<journeyId>, one V#<version> item each and the ACTIVE pointer. */
    public static final String JOURNEY_PREFIX = "JOURNEY#";
    /** The product catalog's versions, laid out as a journey's. */
    public static final String CATALOG_PK = "CATALOG";
    /** A stored version of a definition: V#<version, zero-padded so the keys sort as the numbers do>. */
    public static final String VERSION_PREFIX = "V#";
    /** The pointer to the active version, beside the versions it points at. */
    public static final String ACTIVE_SK = "ACTIVE";
    /** The set of every journey id stored, so that listing them never scans. */
    public static final String JOURNEY_INDEX_PK = "JOURNEYS";
    public static final String JOURNEY_INDEX_SK = "INDEX";
    /** The playbook's versions, laid out as a journey's definitions. */
    public static final String PLAYBOOK_PK = "PLAYBOOK";
    /**
     * The deployment's settings: the operator-tunable settings' versions (laid out as a journey's
     * definitions) and, beside them, the holdout key, created once and never changed.
     */
    public static final String SETTINGS_PK = "SETTINGS";
    /** A campaign's template sets: TEMPLATE#<campaignId>, laid out as a journey's definitions. */
    public static final String TEMPLATE_PREFIX = "TEMPLATE#";
    /** The set of every campaign with a stored template set. */
    public static final String TEMPLATE_INDEX_PK = "TEMPLATES";
    public static final String TEMPLATE_INDEX_SK = "INDEX";

    public static final String HOLDOUT_KEY_SK = "HOLDOUT_KEY";

    /** A segment's definitions: SEGMENT#<segmentId>, laid out as a journey's definitions. */
    public static final String SEGMENT_PREFIX = "SEGMENT#";
    /** The set of every segment id stored. */
    public static final String SEGMENT_INDEX_PK = "SEGMENTS";
    public static final String SEGMENT_INDEX_SK = "INDEX";
    /**
     * A segment's members and counters: SEG#<segmentId>#<shard>, one member item per customer
     * (sort key C#<customerId>), beside them the shard's count (N) and its changes per day
     * (D#<yyyy-MM-dd>). Sharded so that a segment's writes spread over {@link #SEGMENT_SHARDS}
     * partitions (a partition takes 1,000 writes a second).
     */
    public static final String SEGMENT_MEMBERS_PREFIX = "SEG#";
    public static final int SEGMENT_SHARDS = 16;
    public static final String SEGMENT_MEMBER_PREFIX = "C#";
    public static final String SEGMENT_DAY_PREFIX = "D#";
    public static final String SEGMENT_COUNT_SK = "N";

    /** A unit's outcome counters: OUTCOME#<unit>, one item per day and group, D#<yyyy-MM-dd>#<group>. */
    public static final String OUTCOME_PREFIX = "OUTCOME#";
    public static final String OUTCOME_DAY_PREFIX = "D#";
    /** Beside a unit's outcome counters, its opt-outs per day: OPTOUT#<yyyy-MM-dd> (after D#, so day queries skip them). */
    public static final String OPT_OUT_DAY_PREFIX = "OPTOUT#";
    /** The units' guardrail states: one item, a map by unit, read with one GetItem. */
    public static final String GUARDRAIL_PK = "GUARDRAIL";
    public static final String GUARDRAIL_UNITS_SK = "UNITS";

    /** A one-off campaign: CAMPAIGN#<id>, its state (STATE) and its decision counters (COUNTS). */
    public static final String CAMPAIGN_PREFIX = "CAMPAIGN#";
    public static final String CAMPAIGN_STATE_SK = "STATE";
    public static final String CAMPAIGN_COUNTS_SK = "COUNTS";
    /** The campaigns scheduled or sending, ACTIVE#<id>, so a run never reads finished ones. */
    public static final String CAMPAIGN_ACTIVE_PK = "CAMPAIGNS";
    public static final String CAMPAIGN_ACTIVE_PREFIX = "ACTIVE#";
    /**
     * A segment kept as a fixed list of customer ids: SEGLIST#<segmentId>, one M#<customerId> item
     * per member (read in sort-key order, a page at a time).
     */
    public static final String SEGMENT_LIST_PREFIX = "SEGLIST#";
    public static final String SEGMENT_LIST_MEMBER_PREFIX = "M#";

    /** The fitted purchase model. */
    public static final String MODEL_PK = "MODEL#purchase";
    public static final String MODEL_SK = "CURRENT";

    /** The sparse index of durable timers (template.yaml): only items carrying both attributes are in it. */
    public static final String DUE_INDEX = "DueIndex";
    public static final String DUE_SHARD = "dueShard";
    public static final String DUE_AT = "dueAt";
    /** Message and journey timers are spread over this many index partitions each. */
    public static final int DUE_SHARDS = 16;
    /**
     * Records' evaluation timers are spread over this many index partitions ({@code DUE#n}). Ingestion
     * moves them: at ten times the template's concurrency (IngestMaxConcurrency 10, so 100 instances
     * of 8 writer threads, about 5 ms per UpdateItem) that is up to 160,000 record writes a second,
     * 0.19 index write units each on the demo mix (bench/RESULTS.md), about 30,000 index WCU/s: 1,900
     * per partition over 16, past the 1,000 a partition takes (and an index that throttles throttles
     * the table's writes); 475 over 64. A multiple of 16, so migration needs nothing: FNV-1a mod 64
     * mod 16 is FNV-1a mod 16, so a timer armed under 16 shards sits in {@code DUE#0}…{@code DUE#15},
     * which the evaluator still queries, and its next write re-arms it in its 64-shard partition.
     */
    public static final int EVALUATION_DUE_SHARDS = 64;
    /** The index partitions of records' evaluation timers: DUE#<shard>. */
    public static final String DUE_PREFIX = "DUE#";
    /** The index partitions of message timers: MSGDUE#<shard>. */
    public static final String MESSAGE_DUE_PREFIX = "MSGDUE#";
    /** The index partitions of customers' journey timers: JDUE#<shard>. */
    public static final String JOURNEY_DUE_PREFIX = "JDUE#";

    /** The table's TTL attribute (template.yaml), in epoch seconds. */
    public static final String EXPIRES_AT = "expiresAt";

    private Keys() {
    }

    public static String campaign(String campaignId) {
        return CAMPAIGN_PREFIX + campaignId;
    }

    public static String segmentList(String segmentId) {
        return SEGMENT_LIST_PREFIX + segmentId;
    }

    public static String customer(String customerId) {
        return CUSTOMER_PREFIX + customerId;
    }

    /** The customer id of a {@link #customer} key. */
    public static String customerId(String pk) {
        if (!pk.startsWith(CUSTOMER_PREFIX)) throw new IllegalArgumentException("not a customer key");
        return pk.substring(CUSTOMER_PREFIX.length());
    }

    /** The month an archive item's sort key names. */
    public static YearMonth archivedMonthOf(String sortKey) {
        return YearMonth.parse(sortKey.substring(ARCHIVE_PREFIX.length()));
    }

    public static String archiveMonth(YearMonth month) {
        return ARCHIVE_PREFIX + month;
    }

    public static String outcomeUnit(String unit) {
        return OUTCOME_PREFIX + unit;
    }

    /** A counter item's sort key: the days sort as dates do, so a range of days is one key range. */
    public static String outcomeDay(LocalDate day, Assignment group) {
        return OUTCOME_DAY_PREFIX + day + "#" + group.wireName();
    }

    /** The first sort key of {@code day}'s counters (before every group's). */
    public static String outcomeDayFrom(LocalDate day) {
        return OUTCOME_DAY_PREFIX + day + "#";
    }

    /** Past the last sort key of {@code day}'s counters (~ sorts after every group's letters). */
    public static String outcomeDayThrough(LocalDate day) {
        return OUTCOME_DAY_PREFIX + day + "#~";
    }

    public static LocalDate outcomeDayOf(String sortKey) {
        return LocalDate.parse(sortKey.substring(OUTCOME_DAY_PREFIX.length(), OUTCOME_DAY_PREFIX.length() + 10));
    }

    public static Assignment outcomeGroupOf(String sortKey) {
        String group = sortKey.substring(OUTCOME_DAY_PREFIX.length() + 11);
        return Assignment.valueOf(group.toUpperCase(java.util.Locale.ROOT));
    }

    public static String rejectedDay(String isoDate) {
        return REJECTED_PREFIX + isoDate;
    }

    public static String inbox(String messageId) {
        return INBOX_PREFIX + messageId;
    }

    /** A consent-log entry's sort key: the instant in the fixed-width form, so the keys order the log by time. */
    public static String consent(Instant at, String eventId) {
        return CONSENT_PREFIX + dueBy(at).replace("Z", ".") + String.format("%09dZ", at.getNano()) + "#" + eventId;
    }

    public static String sentCopy(String messageId) {
        return SENT_PREFIX + messageId;
    }

    /** The contact-index partition of an address hash (also the sort key of the customer's reminder of it). */
    public static String contact(String hash) {
        return CONTACT_PREFIX + hash;
    }

    public static String emailMarketingAlarm(String alarmName) {
        return EMAIL_MARKETING_PREFIX + alarmName;
    }

    public static String once(String key) {
        return ONCE_PREFIX + key;
    }

    public static String action(String idempotencyKey) {
        return ACTION_PREFIX + idempotencyKey;
    }

    public static String segment(String segmentId) {
        return SEGMENT_PREFIX + segmentId;
    }

    /** The members partition of a customer in a segment: the customer's shard, FNV-1a as {@link #dueShard}. */
    public static String segmentMembers(String segmentId, String customerId) {
        return segmentMembers(segmentId, shardOf(customerId, SEGMENT_SHARDS));
    }

    public static String segmentMembers(String segmentId, int shard) {
        return SEGMENT_MEMBERS_PREFIX + segmentId + "#" + shard;
    }

    public static String segmentMember(String customerId) {
        return SEGMENT_MEMBER_PREFIX + customerId;
    }

    public static String segmentDay(LocalDate day) {
        return SEGMENT_DAY_PREFIX + day;
    }

    public static String journey(String journeyId) {
        return JOURNEY_PREFIX + journeyId;
    }

    public static String template(String campaignId) {
        return TEMPLATE_PREFIX + campaignId;
    }

    public static String version(int version) {
        if (version < 1 || version > 999_999) throw new IllegalArgumentException("versions count from 1 to 999999");
        return VERSION_PREFIX + String.format("%06d", version);
    }

    /** The evaluation timer's shard of a customer: FNV-1a of the id's UTF-8 bytes, modulo {@link #EVALUATION_DUE_SHARDS}. */
    public static String dueShard(String customerId) {
        return dueShard(shardOf(customerId, EVALUATION_DUE_SHARDS));
    }

    public static String dueShard(int shard) {
        return DUE_PREFIX + shard;
    }

    public static String message(String messageKeyId) {
        return MESSAGE_PREFIX + messageKeyId;
    }

    /**
     * Message timers (holds, receipt deadlines) live in the same sparse index under their own shard
     * keys, so the evaluator's queries of {@code DUE#n} never read them and delivery's never read records.
     */
    public static String messageDueShard(String customerId) {
        return messageDueShard(shardOf(customerId, DUE_SHARDS));
    }

    public static String messageDueShard(int shard) {
        return MESSAGE_DUE_PREFIX + shard;
    }

    /**
     * Journey timers have index partitions of their own too ({@code JDUE#n}), hashed as
     * {@link #dueShard} (modulo {@link #DUE_SHARDS}), so the journey engine and the evaluator never read each other's timers.
     */
    public static String journeyDueShard(String customerId) {
        return journeyDueShard(customerId, DUE_SHARDS);
    }

    /** @param shards how many journey shards there are (a store configured with another count than {@link #DUE_SHARDS}) */
    public static String journeyDueShard(String customerId, int shards) {
        return journeyDueShard(shardOf(customerId, shards));
    }

    public static String journeyDueShard(int shard) {
        return JOURNEY_DUE_PREFIX + shard;
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

    private static int shardOf(String customerId, int shards) {
        if (shards < 1) throw new IllegalArgumentException("at least one shard");
        return Integer.remainderUnsigned(fnv1a(customerId), shards);
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
