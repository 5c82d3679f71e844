package dev.winback.core.ingest;

import dev.winback.core.event.EngagementEvent;

import java.util.List;

/**
 * Applies events a use case made (a customer's choice on a link or in the preference centre) to the
 * records, as ingestion applies any other: order-independent, duplicates recognised, the consent
 * log kept. The adapters' intake satisfies it.
 */
@FunctionalInterface
public interface EventApplier {

    /** Whether a batch was taken as a whole, or must be sent again. */
    enum Applied {
        /** Every event was applied, recognised as a duplicate, or refused for good. */
        ALL,
        /** Storage was busy: some events were not applied, and applying the batch again completes it. */
        TRY_AGAIN
    }

    Applied applyAll(List<EngagementEvent> events);
}
