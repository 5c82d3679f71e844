package dev.winback.functions.feedback;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.JulWarnings;
import dev.winback.adapters.config.Policies;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.dynamodb.AccountHealth;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.adapters.eventbridge.EventBridgeReplyEvents;
import dev.winback.adapters.sns.FeedbackNotifications;
import dev.winback.adapters.sns.SnsEndpointOwners;
import dev.winback.adapters.sns.SnsSmsOptIns;
import dev.winback.adapters.sns.SnsSmsReplies;
import dev.winback.core.feedback.EndpointOwners;
import dev.winback.core.feedback.FeedbackNotice;
import dev.winback.core.feedback.Once;
import dev.winback.core.feedback.ProcessFeedback;
import dev.winback.core.feedback.ReplyEvents;
import dev.winback.core.feedback.SmsOptIns;
import dev.winback.core.feedback.SmsReplies;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.ingest.StoredEventsListener;

import java.time.Clock;
import java.util.List;

/**
 * The feedback function's object graph: the feedback use case over the table and the ingestion
 * pipeline, with its ports on AWS or with the stand-ins of the local runtime and tests.
 */
public final class FeedbackComposition {

    /**
     * SES delivery and bounce notifications of a message no one was sent, the delivery tagged with the
     * customer no one is, the bounce to an address that cannot exist (.invalid): as SES publishes them.
     */
    static final List<String> PRIMING_NOTIFICATIONS = List.of(
            "{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2026-01-01T00:00:01.000Z\","
                    + "\"recipients\":[\"priming@snapstart.invalid\"]},\"mail\":{\"timestamp\":\"2026-01-01T00:00:00.000Z\","
                    + "\"messageId\":\"snapstart-priming\",\"destination\":[\"priming@snapstart.invalid\"],"
                    + "\"tags\":{\"winback-message-id\":[\"snapstart-priming\"],\"winback-customer-id\":[\"snapstart-priming\"]}}}",
            "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                    + "\"bouncedRecipients\":[{\"emailAddress\":\"priming@snapstart.invalid\"}],"
                    + "\"timestamp\":\"2026-01-01T00:00:02.000Z\"},\"mail\":{\"timestamp\":\"2026-01-01T00:00:00.000Z\","
                    + "\"messageId\":\"snapstart-priming\",\"destination\":[\"priming@snapstart.invalid\"],"
                    + "\"tags\":{\"winback-message-id\":[\"snapstart-priming\"]}}}");

    private final EngagementTable table;
    private final Ingestion ingestion;
    private final ProcessFeedback processFeedback;

    /** On AWS, from the function's environment. */
    public static FeedbackComposition fromEnvironment() {
        Clock clock = Clock.systemUTC();
        WinbackConfig config = WinbackConfig.fromEnvironment(System.getenv());
        AwsClients clients = new AwsClients();
        EngagementTable table = new EngagementTable(config, clients, clock, ElapsedTime.SYSTEM);
        FeedbackComposition composition = new FeedbackComposition(table, config, clients, clock);
        SnapStartPriming.register("process-feedback", composition::prime);
        return composition;
    }

    /** On AWS: endpoint owners and SMS replies through SNS, customer replies on the bus. */
    public FeedbackComposition(WinbackConfig config, AwsClients clients, Clock clock) {
        this(new EngagementTable(config, clients, clock), config, clients, clock);
    }

    private FeedbackComposition(EngagementTable table, WinbackConfig config, AwsClients clients, Clock clock) {
        this(table, new Ingestion(table, new Policies(table).current(), clock, WriterThreads.newPool(),
                StoredEventsListener.NONE), new SnsEndpointOwners(clients.sns()),
                new SnsSmsReplies(clients.sns()),
                new EventBridgeReplyEvents(clients.eventBridge(), config.eventBusName()),
                new DynamoDbOnce(clients.dynamoDb(), config.tableName(), clock), clock,
                new SnsSmsOptIns(clients.sns()));
    }

    /** For the local runtime and tests, which bring their own stand-ins for SNS and the bus. */
    public FeedbackComposition(EngagementTable table, Ingestion ingestion, EndpointOwners endpoints, SmsReplies sms,
                               ReplyEvents replies, Once once, Clock clock) {
        this(table, ingestion, endpoints, sms, replies, once, clock, SmsOptIns.NONE);
    }

    /** @param optIns takes a number that texted START off the provider's own opt-out list */
    public FeedbackComposition(EngagementTable table, Ingestion ingestion, EndpointOwners endpoints, SmsReplies sms,
                               ReplyEvents replies, Once once, Clock clock, SmsOptIns optIns) {
        this.table = table;
        this.ingestion = ingestion;
        this.processFeedback = new ProcessFeedback(
                events -> ingestion.intake().apply(events).stream().anyMatch(r -> r instanceof IntakeResult.Retry),
                table.store()::read,
                table.contacts(), table.contacts(), endpoints, sms, optIns, replies, once,
                new AccountHealth(table.clients().dynamoDb(), table.tableName()),
                ProcessFeedback.Replies.DEFAULT, clock, new JulWarnings(ProcessFeedback.class));
    }

    public ProcessFeedback processFeedback() {
        return processFeedback;
    }

    /**
     * Before a SnapStart snapshot: the ingestion's priming, then the sample notifications read as the
     * handler reads them, their events made for the customer no one is, and a bounce's recipients
     * looked up (an address no one has). Nothing is ingested; SNS and the bus are not called.
     */
    public void prime() {
        ingestion.prime();
        for (String notification : PRIMING_NOTIFICATIONS) {
            if (read(notification) instanceof FeedbackNotice.EmailEvents email) {
                email.recipients().forEach(table.contacts()::ownersOfEmail);
                email.eventsFor().apply(EngagementTable.PRIMING_CUSTOMER);
            }
        }
    }

    /** What one SNS message from a provider means (SES events, push endpoint events, inbound SMS). */
    public FeedbackNotice read(String snsMessage) {
        return FeedbackNotifications.read(snsMessage);
    }
}
