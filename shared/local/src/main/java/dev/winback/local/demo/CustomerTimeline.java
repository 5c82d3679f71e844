package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * One customer's events that are planned but not yet released. Drafts may lie days ahead (a delivery after
 * shipping); they are released in time order and numbered as they go, so event ids follow time.
 */
final class CustomerTimeline {

    private final int customerNumber;
    private final String customerId;
    private final long end;
    private final PriorityQueue<Draft> pending = new PriorityQueue<>(Draft.CHRONOLOGICAL);
    private int nextSeq;
    private int released;
    private int orders;
    private int messages;
    private long releasedUntil = Long.MIN_VALUE;

    CustomerTimeline(int customerNumber, String customerId, long end, List<Draft> milestones) {
        this.customerNumber = customerNumber;
        this.customerId = customerId;
        this.end = end;
        pending.addAll(milestones);
        nextSeq = milestones.size();
    }

    /** Plans an event; anything after the window is dropped, as the window would cut it off. */
    void add(long at, Optional<Platform> platform, EventPayload payload) {
        if (at < releasedUntil) {
            throw new IllegalStateException("event at " + at + " planned after events up to " + releasedUntil
                    + " were released for " + customerId);
        }
        if (at < end) {
            pending.add(new Draft(at, nextSeq++, platform, payload));
        }
    }

    /** Hands over every planned event before {@code until}, oldest first. */
    void releaseBefore(long until, Consumer<EngagementEvent> sink) {
        while (!pending.isEmpty() && pending.peek().at() < until) {
            Draft draft = pending.poll();
            released++;
            sink.accept(new EngagementEvent(Ids.eventId(customerNumber, released), customerId,
                    Instant.ofEpochSecond(draft.at()), draft.platform(), draft.payload()));
        }
        releasedUntil = Math.max(releasedUntil, until);
    }

    String nextOrderId() {
        return Ids.orderId(customerNumber, ++orders);
    }

    String nextMessageId() {
        return Ids.messageId(customerNumber, ++messages);
    }
}
