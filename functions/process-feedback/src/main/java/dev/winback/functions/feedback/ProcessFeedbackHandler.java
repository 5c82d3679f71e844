package dev.winback.functions.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.winback.adapters.observe.Observed;
import dev.winback.core.feedback.ProcessFeedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Provider feedback from SNS: SES configuration-set events, SNS platform-application (push)
 * events and inbound SMS. Each notification becomes contract events ingested like any other; a
 * notification that must be retried fails the invocation, and SNS delivers it again (replays change
 * nothing).
 */
public final class ProcessFeedbackHandler implements RequestHandler<SNSEvent, Map<String, Integer>> {

    private static final Logger LOG = Logger.getLogger(ProcessFeedbackHandler.class.getName());
    private final Observed observed = Observed.fromEnvironment(System.getenv());
    private final FeedbackComposition composition;
    private final ProcessFeedback processFeedback;

    public ProcessFeedbackHandler() {
        this(FeedbackComposition.fromEnvironment());
    }

    /** For the local runtime and tests, which compose the use case with their own stand-ins. */
    public ProcessFeedbackHandler(FeedbackComposition composition) {
        this.composition = composition;
        this.processFeedback = composition.processFeedback();
    }

    @Override
    public Map<String, Integer> handleRequest(SNSEvent event, Context context) {
        return observed.sns(event, context, () -> process(event));
    }

    private Map<String, Integer> process(SNSEvent event) {
        List<ProcessFeedback.Incoming> notifications = event.getRecords() == null ? List.of()
                : event.getRecords().stream().map(r -> new ProcessFeedback.Incoming(
                        composition.read(r.getSNS().getMessage()),
                        r.getSNS().getTimestamp() == null ? null
                                : Instant.ofEpochMilli(r.getSNS().getTimestamp().getMillis()))).toList();
        ProcessFeedback.Report report = processFeedback.process(notifications);
        LOG.info(() -> "feedback processed: " + report.counts());
        if (report.retry()) {
            throw new IllegalStateException("some feedback could not be stored; SNS will deliver it again");
        }
        return report.counts();
    }
}
