package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.DynamoDbSegmentDefinitions;
import dev.winback.adapters.dynamodb.DynamoDbSegmentMembers;
import dev.winback.adapters.dynamodb.SegmentMembership;
import dev.winback.adapters.dynamodb.WrittenRecords;
import dev.winback.adapters.json.SegmentDefinitionParser;
import dev.winback.adapters.phone.PhoneNumberCountries;
import dev.winback.core.segmentstore.ManageSegments;
import dev.winback.core.segmentstore.StoredSegments;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.ContactIndex;
import dev.winback.adapters.dynamodb.DynamoDbCustomerSample;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.adapters.dynamodb.DynamoDbEvaluationStore;
import dev.winback.adapters.dynamodb.DynamoDbMessageLedger;
import dev.winback.adapters.dynamodb.DynamoDbOutcomeCounters;
import dev.winback.adapters.dynamodb.DynamoDbPurchaseModels;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.cache.ElapsedTime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The stores over the single DynamoDB table, all counting their capacity on one meter. Building it
 * does no I/O: a function pays for the stores it uses, when it uses them.
 */
public final class EngagementTable {

    /** The fitted model changes once a day; readers look for a new one this often. */
    public static final Duration MODEL_REFRESH = Duration.ofMinutes(15);
    /** Parallel Scan segments when sampling the base for the daily fit. */
    public static final int SAMPLE_SEGMENTS = 4;
    /** Segment definitions in force are read again this often by every writer of records. */
    public static final Duration SEGMENTS_REFRESH = Duration.ofMinutes(1);

    private final ElapsedTime elapsed;
    private final AwsClients clients;
    private final String tableName;
    private final KeyMaterial keys;
    private final CapacityMeter meter = new CapacityMeter();
    private final DynamoDbOutcomeCounters outcomeCounters;
    private final ContactIndex contacts;
    private final DynamoDbEngagementStore store;
    private final DynamoDbEvaluationStore evaluationStore;
    private final DynamoDbMessageLedger messageLedger;
    private final DynamoDbPurchaseModels purchaseModels;
    private final DynamoDbSegmentDefinitions segmentDefinitions;
    private final StoredSegments segments;
    private final DynamoDbSegmentMembers segmentMembers;

    /**
     * Keys from the secret {@code WINBACK_LINK_SECRET_ARN} names (read on first use), or the local
     * development secret where the environment names none (the local runtime, tests, benchmarks);
     * the definitions and settings read on a timer follow {@code clock} (see the constructor with
     * an {@link ElapsedTime}).
     */
    public EngagementTable(WinbackConfig config, AwsClients clients, Clock clock) {
        this(config, clients, clock, ElapsedTime.following(clock));
    }

    /** With the keys the environment names, as above. */
    public EngagementTable(WinbackConfig config, AwsClients clients, Clock clock, ElapsedTime elapsed) {
        this(config, clients, clock, LinkConfig.keysFromEnvironment(System.getenv(), clients), elapsed);
    }

    public EngagementTable(WinbackConfig config, AwsClients clients, Clock clock, KeyMaterial keys) {
        this(config, clients, clock, keys, ElapsedTime.following(clock));
    }

    /**
     * @param elapsed what the definitions and settings read on a timer (here and in {@link Policies},
     *                {@link Journeys}, {@link TemplateSets}) measure their freshness in. As deployed
     *                the process's time ({@link ElapsedTime#SYSTEM}), so that a change reaches every
     *                function within its refresh of real time whatever time the events carry; a
     *                benchmark moving through days of events in minutes passes it too, or it would
     *                read them again at nearly every batch. The local runtime and tests pass their
     *                clock's, so that a change is seen a virtual minute later as it is a minute later
     *                in AWS.
     */
    public EngagementTable(WinbackConfig config, AwsClients clients, Clock clock, KeyMaterial keys,
                           ElapsedTime elapsed) {
        this.elapsed = elapsed;
        this.clients = clients;
        this.tableName = config.tableName();
        this.keys = keys;
        this.contacts = new ContactIndex(clients.dynamoDb(), tableName, new ContactHashes(keys), meter);
        this.segmentDefinitions = new DynamoDbSegmentDefinitions(clients.dynamoDb(), tableName, meter);
        this.segments = new StoredSegments(segmentDefinitions, new SegmentDefinitionParser(), new PhoneNumberCountries(),
                elapsed, SEGMENTS_REFRESH, new JulWarnings(StoredSegments.class));
        this.store = new DynamoDbEngagementStore(clients.dynamoDb(), tableName, meter, contacts,
                new SegmentMembership(tableName, segments, clock), new WrittenRecords(WrittenRecords.DEFAULT_CAPACITY));
        this.segmentMembers = new DynamoDbSegmentMembers(clients.dynamoDb(), tableName, meter);
        this.evaluationStore = new DynamoDbEvaluationStore(clients.dynamoDb(), tableName, meter, store);
        this.messageLedger = new DynamoDbMessageLedger(clients.dynamoDb(), tableName, meter);
        this.outcomeCounters = new DynamoDbOutcomeCounters(clients.dynamoDb(), tableName, meter);
        this.purchaseModels = new DynamoDbPurchaseModels(clients.dynamoDb(), tableName, meter, elapsed, MODEL_REFRESH);
    }

    /**
     * Another function instance over the same table, for benchmarks that play several in one
     * process: the records it wrote last are its own, everything else (clients, definitions and
     * models read on a timer) is this one's.
     */
    public EngagementTable asAnotherInstance() {
        return new EngagementTable(this, new WrittenRecords(WrittenRecords.DEFAULT_CAPACITY));
    }

    private EngagementTable(EngagementTable shared, WrittenRecords written) {
        this.elapsed = shared.elapsed;
        this.clients = shared.clients;
        this.tableName = shared.tableName;
        this.keys = shared.keys;
        this.contacts = shared.contacts;
        this.segmentDefinitions = shared.segmentDefinitions;
        this.segments = shared.segments;
        this.store = new DynamoDbEngagementStore(clients.dynamoDb(), tableName, meter, contacts,
                shared.store.segments(), written);
        this.segmentMembers = shared.segmentMembers;
        this.evaluationStore = shared.evaluationStore;
        this.messageLedger = shared.messageLedger;
        this.outcomeCounters = shared.outcomeCounters;
        this.purchaseModels = shared.purchaseModels;
    }

    /** No customer has this id (contract ids never start with a tilde): priming reads it and finds nothing. */
    public static final String PRIMING_CUSTOMER = "~snapstart-priming";

    /**
     * Before a SnapStart snapshot: reads a record that never exists, through the same store path as a
     * real read, so the snapshot holds a DynamoDB client that has marshalled, signed and sent a request;
     * then decodes the priming sample's stored form in memory, as a read that finds a record does.
     */
    public void prime() {
        store.load(List.of(PRIMING_CUSTOMER));
        DynamoDbEngagementStore.throughStoredForm(PrimingSample.applied().record());
    }

    /** The time the caches over this table measure their freshness in. */
    public ElapsedTime elapsed() {
        return elapsed;
    }

    /** The SDK clients the stores use, for the adapters built next to them (senders, inbox, rejected events). */
    public AwsClients clients() {
        return clients;
    }

    public String tableName() {
        return tableName;
    }

    /** The deployment secret's derived keys (links, contact hashes). */
    public KeyMaterial keys() {
        return keys;
    }

    /** The capacity every store of this table consumed, for the benchmarks. */
    public CapacityMeter meter() {
        return meter;
    }

    /** Contact addresses by keyed hash: owners and erasure tombstones. */
    public ContactIndex contacts() {
        return contacts;
    }

    public DynamoDbEngagementStore store() {
        return store;
    }

    public DynamoDbEvaluationStore evaluationStore() {
        return evaluationStore;
    }

    public DynamoDbMessageLedger messageLedger() {
        return messageLedger;
    }

    public DynamoDbPurchaseModels purchaseModels() {
        return purchaseModels;
    }

    /** The outcome counters per unit, day and group. */
    public DynamoDbOutcomeCounters outcomeCounters() {
        return outcomeCounters;
    }

    /** A sample of the base for the daily fit, scanning its segments on {@code executor}. */
    public DynamoDbCustomerSample customerSample(Executor executor) {
        return new DynamoDbCustomerSample(clients.dynamoDb(), tableName, meter, SAMPLE_SEGMENTS, executor);
    }

    /** The segments in force, as every record write judges them. */
    public StoredSegments segments() {
        return segments;
    }

    /** Stores segment definitions, each in force from its put. */
    public ManageSegments manageSegments() {
        return new ManageSegments(segmentDefinitions, new SegmentDefinitionParser(), segments::refreshNow);
    }

    /** Segments' members, paged, and their counts. */
    public DynamoDbSegmentMembers segmentMembers() {
        return segmentMembers;
    }
}
