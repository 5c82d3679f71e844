package dev.winback.adapters.sqs;

import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.playbook.ActionRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;
import java.util.Set;

/**
 * Requested actions as delivery requests on the delivery queue: the message body is the
 * RetentionActionRequested detail, up to ten per SendMessageBatch call. Failed entries are reported
 * as not accepted, for a later run to retry; delivery deduplicates on the idempotency key.
 */
public final class SqsDeliveryRequests implements ActionPublisher {

    private final SqsBatchSender sender;

    public SqsDeliveryRequests(SqsClient sqs, String queueUrl) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public Set<String> publish(List<ActionRequest> requests) {
        return sender.send(requests, RetentionActionRequestedJson::toDetail, ActionRequest::idempotencyKey);
    }
}
