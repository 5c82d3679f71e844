package dev.winback.adapters.sqs;

import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One batch of delivery queue messages, delivered together ({@link DeliverMessages#deliverAll}): one
 * read of all the batch's records before its claims and one after them, each customer's requests in order on one thread (so the second
 * message of a customer sees the first one's send in the record), customers concurrently, the
 * decisions published once after the sends. Returns the ids of the queue messages to deliver again; unreadable bodies are logged and dropped,
 * since no retry can make them readable.
 */
public final class DeliveryBatch {

    private static final Logger LOG = Logger.getLogger(DeliveryBatch.class.getName());

    public record Message(String id, String body) {
    }

    /** What a batch came to, for the handler's summary. */
    public record Report(List<String> retry, int delivered, int duplicates, int notMessages, int invalid) {
    }

    private final DeliverMessages delivery;
    private final DeliveryQueueMessages reader;
    private final Executor executor;

    public DeliveryBatch(DeliverMessages delivery, DeliveryQueueMessages reader, Executor executor) {
        this.delivery = delivery;
        this.reader = reader;
        this.executor = executor;
    }

    public Report process(List<Message> messages) {
        List<Message> delivering = new ArrayList<>();
        List<DeliveryRequest> requests = new ArrayList<>();
        int notMessages = 0;
        int invalid = 0;
        for (Message message : messages) {
            switch (reader.parse(message.body())) {
                case DeliveryQueueMessages.Parsed.Deliver deliver -> {
                    delivering.add(message);
                    requests.add(deliver.request());
                }
                case DeliveryQueueMessages.Parsed.NotAMessage ignored -> notMessages++;
                case DeliveryQueueMessages.Parsed.Invalid bad -> {
                    LOG.warning(() -> "dropping unreadable delivery request " + message.id() + ": " + bad.reason());
                    invalid++;
                }
            }
        }
        List<String> retry = new ArrayList<>();
        int delivered = 0;
        int duplicates = 0;
        List<DeliverMessages.Result> results;
        try {
            results = requests.isEmpty() ? List.of() : delivery.deliverAll(requests, executor);
        } catch (RuntimeException e) {
            // The batch's read failed: nothing was claimed, every request comes again.
            LOG.log(Level.WARNING, "delivering a batch of " + requests.size() + " failed; it will be retried", e);
            return new Report(delivering.stream().map(Message::id).toList(), 0, 0, notMessages, invalid);
        }
        for (int i = 0; i < results.size(); i++) {
            DeliverMessages.Result result = results.get(i);
            if (result.outcome() == DeliverMessages.Outcome.RETRY_LATER) retry.add(delivering.get(i).id());
            else if (result.duplicate()) duplicates++;
            else delivered++;
        }
        return new Report(List.copyOf(retry), delivered, duplicates, notMessages, invalid);
    }
}
