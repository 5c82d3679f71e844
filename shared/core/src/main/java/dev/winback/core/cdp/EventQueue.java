package dev.winback.core.cdp;

import dev.winback.core.event.EngagementEvent;

import java.util.List;

/**
 * Where events from a CDP go to be applied: in AWS the ingest queue, so they take the same path as
 * every queued event (arrival window, duplicates, journeys); locally the ingestion itself.
 */
@FunctionalInterface
public interface EventQueue {

    /** @return one answer per event, in order: true when taken, false when it must be sent again */
    List<Boolean> submit(List<EngagementEvent> events);
}
