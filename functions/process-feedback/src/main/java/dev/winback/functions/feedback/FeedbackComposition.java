package dev.winback.functions.feedback;

import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.JulWarnings;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.AccountHealth;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.adapters.eventbridge.EventBridgeReplyEvents;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.adapters.sns.SnsEndpointOwners;
import dev.winback.adapters.sns.SnsSmsOptIns;
import dev.winback.adapters.sns.SnsSmsReplies;
import dev.winback.core.feedback.EndpointOwners;
import dev.winback.core.feedback.Once;
import dev.winback.core.feedback.ProcessFeedback;
import dev.winback.core.feedback.ReplyEvents;
import dev.winback.core.feedback.SmsOptIns;
import dev.winback.core.feedback.SmsReplies;

import java.time.Clock;
import java.util.Optional;

/** Builds the feedback use case from its ports: on AWS, or with the stand-ins of the local runtime and tests. */
public final class FeedbackComposition {

    private final ProcessFeedback processFeedback;

    /** On AWS: endpoint owners and SMS replies through SNS, customer replies on the bus. */
    public FeedbackComposition(WinbackConfig config, AwsClients clients, Clock clock) {
        this(new EngagementServices(config, clients, clock), new SnsEndpointOwners(clients.sns()),
                new SnsSmsReplies(clients.sns()),
                new EventBridgeReplyEvents(clients.eventBridge(), config.eventBusName()),
                new DynamoDbOnce(clients.dynamoDb(), config.tableName(), clock), clock,
                new SnsSmsOptIns(clients.sns()));
    }

    /** For the local runtime and tests, which bring their own stand-ins for SNS and the bus. */
    public FeedbackComposition(EngagementServices services, EndpointOwners endpoints, SmsReplies sms,
                               ReplyEvents replies, Once once, Clock clock) {
        this(services, endpoints, sms, replies, once, clock, SmsOptIns.NONE);
    }

    /** @param optIns takes a number that texted START off the provider's own opt-out list */
    public FeedbackComposition(EngagementServices services, EndpointOwners endpoints, SmsReplies sms,
                               ReplyEvents replies, Once once, Clock clock, SmsOptIns optIns) {
        this.processFeedback = new ProcessFeedback(
                events -> services.intake().apply(events).stream().anyMatch(r -> r instanceof IntakeResult.Retry),
                customerId -> Optional.ofNullable(services.store().find(customerId)),
                services.contacts(), services.contacts(), endpoints, sms, optIns, replies, once,
                new AccountHealth(services.store().dynamoDb(), services.store().table()),
                ProcessFeedback.Replies.DEFAULT, clock, new JulWarnings(ProcessFeedback.class));
    }

    public ProcessFeedback processFeedback() {
        return processFeedback;
    }
}
