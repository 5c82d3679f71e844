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

    /**
     * This rule's deadline or the instant a segment's membership could next change, whichever is
     * first, so that the evaluator rewrites the record (and its membership) when time alone moves it.
     */
    default NextDue withSegments(dev.winback.core.segment.CurrentSegments segments) {
        return (record, now) -> dev.winback.core.evaluation.DueTimes.earliest(of(record, now),
                segments.current().nextChange(record, now));
    }
}
