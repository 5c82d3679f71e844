package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.AccountHealth;
import dev.winback.adapters.dynamodb.AccountHealthPauses;
import dev.winback.adapters.dynamodb.DynamoDbHoldoutKey;
import dev.winback.adapters.dynamodb.SentCopies;
import dev.winback.adapters.dynamodb.SuppressedAddresses;
import dev.winback.adapters.phone.PhoneNumberTimeZones;
import dev.winback.core.campaign.CountCampaignDecisions;
import dev.winback.core.delivery.ChannelPlans;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.MessageLedger;
import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.delivery.PlaybookPlans;
import dev.winback.core.delivery.RecordSend;
import dev.winback.core.outcome.HoldoutAssignment;
import dev.winback.core.outcome.HoldoutShares;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Message delivery over the table, whoever brings the senders: each send is recorded in the
 * engagement record at once (a message_sent event through ingestion), so caps and sunsets see it on
 * the next message; every sender keeps a copy of what it sends for the customer's export
 * ({@link SentCopies}, one write for a batch's copies); no SMS or email goes to an address on its suppression list ({@link SuppressedAddresses});
 * marketing email waits while the account's health flag says so; customers in the control group or
 * a unit's holdout get {@code held_out} instead of that unit's marketing, drawn under the table's
 * holdout key ({@link DynamoDbHoldoutKey}).
 */
public final class MessageDelivery {

    /** Marketing email checks the account-health flag this often at most. */
    public static final Duration ACCOUNT_HEALTH_REFRESH = Duration.ofMinutes(1);
    /** Threads writing accepted sends into records while their answers go to the ledger: one per message of a queue batch. */
    static final int RECORD_WRITE_THREADS = 10;

    private final EngagementTable table;
    private final Ingestion ingestion;
    private final DeliveryPolicies policies;
    private final Clock clock;
    private final TemplateSets templates;
    private final HoldoutAssignment holdouts;

    /**
     * @param holdouts the shares withheld for measurement ({@link HoldoutConfig#fromEnvironment} as
     *                 deployed; {@link HoldoutShares#NONE} where a test is not about holdouts)
     */
    public MessageDelivery(EngagementTable table, Ingestion ingestion, Clock clock, HoldoutShares holdouts) {
        this(table, ingestion, clock, holdouts, TemplateSets.REFRESH);
    }

    /** @param templateRefresh how often the active template sets are read again (zero in tests) */
    public MessageDelivery(EngagementTable table, Ingestion ingestion, Clock clock, HoldoutShares holdouts,
                           Duration templateRefresh) {
        this(table, ingestion, DeliveryPolicies.constant(policy(ingestion)), holdouts, clock, templateRefresh);
    }

    /** @param policies the send-time settings running, asked at the start of each delivery */
    public MessageDelivery(EngagementTable table, Ingestion ingestion, DeliveryPolicies policies, HoldoutShares holdouts,
                           Clock clock, Duration templateRefresh) {
        this.table = table;
        this.ingestion = ingestion;
        this.clock = clock;
        this.policies = policies;
        this.templates = new TemplateSets(table, templateRefresh);
        this.holdouts = new HoldoutAssignment(holdouts,
                new DynamoDbHoldoutKey(table.clients().dynamoDb(), table.tableName(), table.meter()));
    }

    /** The channel plans of the playbook the timers are armed with, and time zones guessed from phone numbers. */
    public static DeliveryPolicy policy(Ingestion ingestion) {
        return policy(ingestion.evaluationPolicy());
    }

    /** The same, for functions that hold the evaluation policy without an ingestion. */
    public static DeliveryPolicy policy(dev.winback.core.evaluation.EvaluationPolicy evaluationPolicy) {
        return DeliveryPolicy.defaults()
                .withPlans(PlaybookPlans.of(evaluationPolicy.playbook(), ChannelPlans.DEFAULT))
                .withZoneGuess(new PhoneNumberTimeZones());
    }

    public DeliveryPolicy policy() {
        return policies.delivery();
    }

    public DeliveryPolicies policies() {
        return policies;
    }

    /** The templates messages are rendered from: each campaign's active stored set, else the shipped one. */
    public MessageTemplates templates() {
        return templates.templates();
    }

    /** Delivery through these senders on the table's ledger. */
    public DeliverMessages deliverMessages(List<ChannelSender> senders, MessageComposer composer,
                                           DecisionPublisher decisions) {
        return deliverMessages(senders, composer, decisions, table.messageLedger());
    }

    /** Delivery on the given ledger (tests wrap the table's to step in between its writes). */
    public DeliverMessages deliverMessages(List<ChannelSender> senders, MessageComposer composer,
                                           DecisionPublisher decisions, MessageLedger ledger) {
        var dynamoDb = table.clients().dynamoDb();
        List<ChannelSender> guarded = senders.stream()
                .map(sender -> SentCopies.around(sender, dynamoDb, table.tableName(), clock, table.meter()))
                .map(sender -> SuppressedAddresses.around(sender, table.contacts()))
                .toList();
        // A one-off campaign's decisions are counted into its counters as they are published.
        DecisionPublisher counted = new CountCampaignDecisions(Campaigns.counters(table), decisions,
                new JulWarnings(CountCampaignDecisions.class));
        return new DeliverMessages(table.store(), ledger, guarded, composer,
                new RecordSend(ingestion.events(), new JulWarnings(RecordSend.class)), counted, policies,
                new AccountHealthPauses(new AccountHealth(dynamoDb, table.tableName()), table.elapsed(),
                        ACCOUNT_HEALTH_REFRESH),
                clock, new JulWarnings(DeliverMessages.class), holdouts,
                WriterThreads.newPool(RECORD_WRITE_THREADS, "winback-record-sends"));
    }
}
