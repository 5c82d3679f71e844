package dev.winback.functions.deliver;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.winback.adapters.observe.Observed;
import dev.winback.adapters.sqs.DeliveryBatch;

import java.util.List;

/**
 * Delivers the requests on the delivery queue. Requests that must be tried again (throttled, or
 * another worker holds the message) come back as batch item failures; after the queue's
 * maxReceiveCount they go to its dead-letter queue. Duplicates are harmless: the send ledger
 * sends each message once.
 */
public final class DeliverMessagesHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final DeliveryBatch batch;
    private final Observed observed;

    public DeliverMessagesHandler() {
        this(DeliveryComposition.fromEnvironment());
    }

    /** For the local runtime and tests, which compose delivery with their own senders. */
    public DeliverMessagesHandler(DeliveryComposition composition) {
        this.batch = composition.batch();
        this.observed = composition.observed();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observed.sqs(event, context, () -> deliver(event));
    }

    private SQSBatchResponse deliver(SQSEvent event) {
        List<DeliveryBatch.Message> messages = event.getRecords().stream()
                .map(m -> new DeliveryBatch.Message(m.getMessageId(), m.getBody())).toList();
        DeliveryBatch.Report report = batch.process(messages);
        return new SQSBatchResponse(report.retry().stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
    }
}
