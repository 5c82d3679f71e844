package dev.winback.core.preferences;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A record built by applying events, as ingestion does. */
final class Customer {

    private EngagementRecord record;
    private int sequence;

    Customer(String customerId) {
        this.record = EngagementRecord.empty(customerId);
    }

    Customer with(Instant at, EventPayload payload) {
        Optional<Platform> platform = payload instanceof EventPayload.SessionStarted s ? Optional.of(s.platform())
                : Optional.empty();
        return apply(List.of(new EngagementEvent("e-" + (sequence++), record.customerId(), at, platform, payload)));
    }

    Customer apply(List<EngagementEvent> events) {
        record = RecordUpdate.apply(record, events, Map.of()).record();
        return this;
    }

    EngagementRecord record() {
        return record;
    }
}
