package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.DynamoDbCatalogStore;
import dev.winback.adapters.dynamodb.DynamoDbJourneyDefinitionStore;
import dev.winback.adapters.dynamodb.DynamoDbJourneyStore;
import dev.winback.adapters.json.JourneyLoader;
import dev.winback.adapters.json.JsonJourneyFormat;
import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.journey.ActiveJourneys;
import dev.winback.core.journey.AdvanceDueJourneys;
import dev.winback.core.journey.CurrentJourneys;
import dev.winback.core.journey.JourneyDefinitions;
import dev.winback.core.settings.CurrentPolicies;
import dev.winback.core.journey.DryRunJourneys;
import dev.winback.core.journey.ManageCatalog;
import dev.winback.core.journey.ManageJourneys;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.journey.JourneyTransitions;
import dev.winback.core.journey.TakeJourneyEvents;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Journeys over the engagement table: each customer's runs in one item with its own timer, the
 * versions operators store, and the shipped journeys until an operator takes one over. Every
 * function that touches journeys builds them from here, so they all run the same definitions.
 */
public final class Journeys {

    /** How stale a function's view of the active journeys may be: an activation reaches every function within it. */
    public static final Duration REFRESH = Duration.ofMinutes(1);

    private final DynamoDbJourneyStore store;
    private final DynamoDbJourneyDefinitionStore versions;
    private final DynamoDbCatalogStore catalogs;
    private final JsonJourneyFormat format = new JsonJourneyFormat();
    private final ActiveJourneys shipped;
    private final CurrentJourneys current;
    private final JourneyDefinitions running;
    private final DeliveryPolicies policies;
    private final Clock clock;
    private final JourneyTransitions transitions;

    public Journeys(EngagementTable table, DeliveryPolicy policy, Clock clock) {
        this(table, policy, clock, REFRESH);
    }

    /**
     * @param refresh how often, in the table's elapsed time, the active journeys are read again (zero: on
     *                every use, for tests)
     */
    public Journeys(EngagementTable table, DeliveryPolicy policy, Clock clock, Duration refresh) {
        this(table, policy, clock, refresh, JourneyTransitions.NONE);
    }

    /** @param transitions hears what intake and the timer stored (for counting) */
    public Journeys(EngagementTable table, DeliveryPolicy policy, Clock clock, Duration refresh,
                    JourneyTransitions transitions) {
        this(table, DeliveryPolicies.constant(policy), clock, refresh, transitions);
    }

    /**
     * With the playbook and settings running: their send-time settings, and the journeys their
     * guardrails paused, which admit nobody new (read with the rest, at most a minute stale).
     */
    public Journeys(EngagementTable table, CurrentPolicies policies, Clock clock, Duration refresh,
                    JourneyTransitions transitions) {
        this(table, (DeliveryPolicies) policies, clock, refresh, transitions, policies::paused);
    }

    /** @param policies the send-time settings running, asked per step (an operator's activation applies at once) */
    public Journeys(EngagementTable table, DeliveryPolicies policies, Clock clock, Duration refresh,
                    JourneyTransitions transitions) {
        this(table, policies, clock, refresh, transitions, Set::of);
    }

    private Journeys(EngagementTable table, DeliveryPolicies policies, Clock clock, Duration refresh,
                     JourneyTransitions transitions, Supplier<Set<String>> paused) {
        this.transitions = transitions;
        this.store = new DynamoDbJourneyStore(table.clients().dynamoDb(), table.tableName(), table.meter());
        this.versions = new DynamoDbJourneyDefinitionStore(table.clients().dynamoDb(), table.tableName(), table.meter());
        this.catalogs = new DynamoDbCatalogStore(table.clients().dynamoDb(), table.tableName(), table.meter());
        this.shipped = new JourneyLoader().shippedActive();
        this.current = new CurrentJourneys(versions, catalogs, format, shipped, table.elapsed(), refresh,
                new JulWarnings(CurrentJourneys.class));
        this.running = () -> current.active().withPaused(paused.get());
        this.policies = policies;
        this.clock = clock;
    }

    public DynamoDbJourneyStore store() {
        return store;
    }

    /** The catalog versions operators store and activate. */
    public DynamoDbCatalogStore catalogs() {
        return catalogs;
    }

    public CurrentJourneys current() {
        return current;
    }

    /** The journeys running now, with those their guardrails paused marked so. */
    public JourneyDefinitions running() {
        return running;
    }

    public ActiveJourneys shipped() {
        return shipped;
    }

    /** What ingestion tells of stored events: journeys entered, woken and ended, first steps sent at once. */
    public TakeJourneyEvents intake(MessageRequests requests) {
        return new TakeJourneyEvents(store, running, policies, requests, clock, new JulWarnings(TakeJourneyEvents.class),
                transitions);
    }

    /** The journeys' timer run. */
    public AdvanceDueJourneys advance(EngagementTable table, MessageRequests requests, Executor executor) {
        return new AdvanceDueJourneys(store, table.store(), running, policies, requests, executor,
                new JulWarnings(AdvanceDueJourneys.class), transitions);
    }

    /** The operators' use case; a change is read again at once in this process. */
    public ManageJourneys manage() {
        return new ManageJourneys(versions, format, shipped, current::refreshNow);
    }

    /** The operators' catalog use case; a change is read again at once in this process. */
    public ManageCatalog manageCatalog() {
        return new ManageCatalog(catalogs, format, shipped.catalog(), current::refreshNow);
    }

    /** What the active journeys (or a candidate) would do to some customers, reading only. */
    public DryRunJourneys dryRun(EngagementTable table) {
        return new DryRunJourneys(table.store(), store, running, policies);
    }

    /** How definitions and catalogs are read and written. */
    public JsonJourneyFormat format() {
        return format;
    }
}
