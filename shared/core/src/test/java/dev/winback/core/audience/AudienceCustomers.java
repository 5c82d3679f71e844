package dev.winback.core.audience;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds stored customers for audience tests through the same record update ingestion uses. */
final class AudienceCustomers {

    final InMemoryEngagementStore store = new InMemoryEngagementStore();
    private int sequence;

    AudienceCustomers apply(String customerId, Instant at, EventPayload payload) {
        EngagementEvent event = new EngagementEvent("a-" + (sequence++), customerId, at, Optional.empty(), payload);
        StoredRecord stored = store.load(List.of(customerId)).get(customerId);
        if (!store.save(stored, RecordUpdate.apply(stored.record(), List.of(event), Map.of()))) {
            throw new IllegalStateException("test store refused a write");
        }
        return this;
    }

    AudienceCustomers contact(String customerId, Instant at, String email, String phone) {
        return apply(customerId, at, new EventPayload.ProfileUpdated(Optional.ofNullable(email),
                Optional.ofNullable(phone), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    AudienceCustomers consent(String customerId, Instant at, Channel channel, Purpose purpose, boolean granted) {
        return apply(customerId, at, new EventPayload.ConsentChanged(channel, purpose, granted, "signup-form", "ads-1"));
    }
}
