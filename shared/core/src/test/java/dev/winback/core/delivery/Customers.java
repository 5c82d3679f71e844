package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.record.RecordUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes events into an in-memory store the way ingestion does. */
final class Customers {

    private final InMemoryEngagementStore store;
    private int sequence;

    Customers(InMemoryEngagementStore store) {
        this.store = store;
    }

    Customers apply(String customerId, Instant at, EventPayload payload) {
        EngagementEvent event = new EngagementEvent("t-" + (sequence++), customerId, at, Optional.empty(), payload);
        StoredRecord stored = store.load(List.of(customerId)).get(customerId);
        RecordUpdate.Result update = RecordUpdate.apply(stored.record(), List.of(event), Map.of());
        if (!store.save(stored, update)) throw new IllegalStateException("test store refused a write");
        return this;
    }

    /** Reachable on every channel, with marketing consent everywhere, in the given time zone. */
    Customers reachable(String customerId, Instant at, String zone) {
        apply(customerId, at, new EventPayload.ProfileUpdated(Optional.of("a@example.com"), Optional.of("+15550100123"),
                Optional.of(zone), Optional.of("en-US"), Optional.empty(), Optional.of("arn:aws:sns:endpoint/1")));
        apply(customerId, at, new EventPayload.PushPermissionChanged(true));
        for (Channel channel : Channel.values()) {
            apply(customerId, at, new EventPayload.ConsentChanged(channel, Purpose.MARKETING, true, "signup", "v1"));
        }
        return this;
    }

    /** A recorder that writes message_sent into the same store. */
    SendRecorder recorder() {
        return (read, messageId, channel, purpose, at) -> {
            apply(read.record().customerId(), at, new EventPayload.MessageSent(messageId, channel, Optional.of(purpose)));
            return true;
        };
    }
}
