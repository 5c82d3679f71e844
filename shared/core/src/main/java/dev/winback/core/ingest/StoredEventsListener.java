package dev.winback.core.ingest;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.EngagementRecord;

import java.util.List;

/**
 * Hears of a customer's events once their record is stored, with the record as written; called for
 * redelivered events too, so listeners are idempotent. Journeys listen here.
 */
@FunctionalInterface
public interface StoredEventsListener {

    StoredEventsListener NONE = (record, events) -> true;

    /** @return false when the events could not be taken now and must be retried */
    boolean stored(EngagementRecord record, List<EngagementEvent> events);
}
