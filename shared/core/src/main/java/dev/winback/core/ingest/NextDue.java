package dev.winback.core.ingest;

import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.util.Optional;

/** When the evaluator should next look at a record, as ingestion arms its timer. */
@FunctionalInterface
public interface NextDue {

    /** Arms no timer: for stores and tests that do without the evaluator. */
    NextDue NEVER = (record, now) -> Optional.empty();

    /** @return a whole second, or empty when nothing changes without a new event */
    Optional<Instant> of(EngagementRecord record, Instant now);
}
