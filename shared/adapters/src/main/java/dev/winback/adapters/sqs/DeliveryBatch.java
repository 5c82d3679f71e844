package dev.winback.adapters.sqs;

import dev.winback.core.concurrent.FanOut;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One batch of delivery queue messages: each customer's requests in order on one thread (so the
 * second message of a customer sees the first one's send in the record), customers concurrently.
 * Returns the ids of the queue messages to deliver again; unreadable bodies are logged and dropped,
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
        Map<String, List<Map.Entry<Message, DeliveryRequest>>> byCustomer = new LinkedHashMap<>();
        int notMessages = 0;
        int invalid = 0;
        for (Message message : messages) {
            switch (reader.parse(message.body())) {
                case DeliveryQueueMessages.Parsed.Deliver deliver -> byCustomer
                        .computeIfAbsent(deliver.request().customerId(), c -> new ArrayList<>())
                        .add(Map.entry(message, deliver.request()));
                case DeliveryQueueMessages.Parsed.NotAMessage ignored -> notMessages++;
                case DeliveryQueueMessages.Parsed.Invalid bad -> {
                    LOG.warning(() -> "dropping unreadable delivery request " + message.id() + ": " + bad.reason());
                    invalid++;
                }
            }
        }
        ConcurrentLinkedQueue<String> retry = new ConcurrentLinkedQueue<>();
        int[] delivered = new int[1];
        int[] duplicates = new int[1];
        FanOut.<Map.Entry<Message, DeliveryRequest>>inOrderPerGroup(byCustomer.values(), executor, item -> {
            try {
                DeliverMessages.Result result = delivery.deliver(item.getValue());
                if (result.outcome() == DeliverMessages.Outcome.RETRY_LATER) {
                    retry.add(item.getKey().id());
                } else {
                    synchronized (delivered) {
                        if (result.duplicate()) duplicates[0]++; else delivered[0]++;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivering " + item.getKey().id() + " failed; it will be retried", e);
                retry.add(item.getKey().id());
            }
        });
        return new Report(List.copyOf(retry), delivered[0], duplicates[0], notMessages, invalid);
    }
}
