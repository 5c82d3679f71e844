package dev.winback.adapters.sqs;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.journey.MessageRequests;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;
import java.util.Set;

/**
 * Journey messages on the delivery queue, as {@code {"deliveryRequest": …}} bodies. Those not
 * accepted are handed over again by the journeys' timer; delivery's ledger sends each message once.
 */
public final class SqsMessageRequests implements MessageRequests {

    private final SqsBatchSender sender;

    public SqsMessageRequests(SqsClient sqs, String queueUrl) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public Set<MessageKey> publish(List<DeliveryRequest> requests) {
        return sender.send(requests, DeliveryQueueMessages::body, DeliveryRequest::key);
    }
}
