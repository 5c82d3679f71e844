package dev.winback.functions.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.AccountHealth;
import dev.winback.adapters.feedback.AwsFeedbackPorts;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.adapters.feedback.FeedbackPorts;
import dev.winback.adapters.feedback.FeedbackProcessor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Provider feedback from SNS: SES configuration-set events, SNS platform-application (push)
 * events and inbound SMS. Each notification becomes contract events ingested like any other; a
 * notification that must be retried fails the invocation, and SNS delivers it again (replays change
 * nothing).
 */
public final class ProcessFeedbackHandler implements RequestHandler<SNSEvent, Map<String, Integer>> {

    private final FeedbackProcessor processor;

    public ProcessFeedbackHandler() {
        this(WinbackConfig.fromEnvironment(System.getenv()), new AwsClients(), Clock.systemUTC());
    }

    ProcessFeedbackHandler(WinbackConfig config, AwsClients clients, Clock clock) {
        this(new EngagementServices(config, clients, clock), AwsFeedbackPorts.endpointOwners(clients),
                AwsFeedbackPorts.smsReplies(clients), AwsFeedbackPorts.replyEvents(clients, config.eventBusName()),
                new DynamoDbOnce(clients.dynamoDb(), config.tableName(), clock), clock,
                AwsFeedbackPorts.smsOptIns(clients.sns()));
    }

    /** For the local runtime and tests, which bring their own stand-ins for SNS and the bus. */
    public ProcessFeedbackHandler(EngagementServices services, FeedbackPorts.EndpointOwners endpoints,
                                  FeedbackPorts.SmsReplies sms, FeedbackPorts.ReplyEvents replies,
                                  FeedbackPorts.Once once, Clock clock) {
        this(services, endpoints, sms, replies, once, clock, FeedbackPorts.SmsOptIns.NONE);
    }

    /** @param optIns takes a number that texted START off the provider's own opt-out list */
    public ProcessFeedbackHandler(EngagementServices services, FeedbackPorts.EndpointOwners endpoints,
                                  FeedbackPorts.SmsReplies sms, FeedbackPorts.ReplyEvents replies,
                                  FeedbackPorts.Once once, Clock clock, FeedbackPorts.SmsOptIns optIns) {
        this.processor = new FeedbackProcessor(services.intake(), services.store(), services.contacts(), endpoints,
                sms, replies, once, new AccountHealth(services.store().dynamoDb(), services.store().table()),
                FeedbackProcessor.Replies.DEFAULT, clock, optIns);
    }

    @Override
    public Map<String, Integer> handleRequest(SNSEvent event, Context context) {
        List<FeedbackProcessor.Incoming> messages = event.getRecords() == null ? List.of()
                : event.getRecords().stream().map(r -> new FeedbackProcessor.Incoming(r.getSNS().getMessage(),
                        r.getSNS().getTimestamp() == null ? null
                                : Instant.ofEpochMilli(r.getSNS().getTimestamp().getMillis()))).toList();
        FeedbackProcessor.Report report = processor.process(messages);
        if (report.retry()) {
            throw new IllegalStateException("some feedback could not be stored; SNS will deliver it again");
        }
        return report.counts();
    }
}
