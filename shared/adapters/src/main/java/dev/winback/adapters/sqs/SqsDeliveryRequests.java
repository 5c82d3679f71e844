package dev.winback.adapters.sqs;

import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.playbook.ActionRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requested actions as delivery requests on the delivery queue: the message body is the
 * RetentionActionRequested detail, up to ten per SendMessageBatch call. Failed entries are reported
 * as not accepted, for a later run to retry; delivery deduplicates on the idempotency key.
 */
public final class SqsDeliveryRequests implements ActionPublisher {

    static final int MAX_ENTRIES = 10;
    private static final Logger LOG = Logger.getLogger(SqsDeliveryRequests.class.getName());

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeliveryRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public Set<String> publish(List<ActionRequest> requests) {
        Set<String> accepted = new HashSet<>();
        for (int from = 0; from < requests.size(); from += MAX_ENTRIES) {
            List<ActionRequest> batch = requests.subList(from, Math.min(requests.size(), from + MAX_ENTRIES));
            // Entry ids only need to be unique within a call: the position in the batch.
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(RetentionActionRequestedJson.toDetail(batch.get(i))).build());
            }
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            } catch (SdkException e) {
                LOG.log(Level.WARNING, "SendMessageBatch failed for " + batch.size() + " actions; they will be retried", e);
                continue;
            }
            response.successful().forEach(ok -> accepted.add(batch.get(Integer.parseInt(ok.id())).idempotencyKey()));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                LOG.warning(response.failed().size() + " delivery requests were refused; they will be retried");
            }
        }
        return accepted;
    }
}
