package dev.winback.adapters.sqs;

import dev.winback.adapters.json.JsonEventFormat;
import dev.winback.core.cdp.EventQueue;
import dev.winback.core.event.EngagementEvent;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@link EventQueue} as the ingest queue: each event as a bare contract event, the body the ingest
 * function reads from every other sender. The queue's SentTimestamp becomes its receipt time.
 */
public final class SqsEventQueue implements EventQueue {

    private final SqsBatchSender sender;
    private final JsonEventFormat format = new JsonEventFormat();

    public SqsEventQueue(SqsClient sqs, String queueUrl) {
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public List<Boolean> submit(List<EngagementEvent> events) {
        List<Integer> positions = IntStream.range(0, events.size()).boxed().toList();
        Set<Integer> accepted = sender.send(positions, i -> format.write(events.get(i)), i -> i);
        List<Boolean> taken = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) taken.add(accepted.contains(i));
        return taken;
    }
}
