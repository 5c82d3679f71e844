package dev.winback.adapters.sqs;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends bodies to one queue, up to ten per SendMessageBatch call, and says which were accepted.
 * Entries refused, or lost in a failed call, are simply not accepted: the caller keeps them for a
 * later retry, and the consumer deduplicates.
 */
final class SqsBatchSender {

    static final int MAX_ENTRIES = 10;
    private static final Logger LOG = Logger.getLogger(SqsBatchSender.class.getName());

    private final SqsClient sqs;
    private final String queueUrl;

    SqsBatchSender(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** @return the keys of the items the queue accepted */
    <T, K> Set<K> send(List<T> items, Function<T, String> body, Function<T, K> key) {
        Set<K> accepted = new HashSet<>();
        for (int from = 0; from < items.size(); from += MAX_ENTRIES) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + MAX_ENTRIES));
            // Entry ids only need to be unique within a call: the position in the batch.
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(body.apply(batch.get(i))).build());
            }
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            } catch (SdkException e) {
                LOG.log(Level.WARNING, "SendMessageBatch failed for " + batch.size() + " messages; they will be retried", e);
                continue;
            }
            response.successful().forEach(ok -> accepted.add(key.apply(batch.get(Integer.parseInt(ok.id())))));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                LOG.warning(response.failed().size() + " messages were refused by the queue; they will be retried");
            }
        }
        return accepted;
    }
}
