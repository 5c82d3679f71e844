package dev.winback.functions.api;

import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.ingest.EventApplier;

/** Ingestion as the link and preference use cases see it: a batch is taken, or must be sent again. */
final class IntakeApplier {

    private IntakeApplier() {
    }

    static EventApplier of(EventIntake intake) {
        return events -> intake.apply(events).stream().anyMatch(r -> r instanceof IntakeResult.Retry)
                ? EventApplier.Applied.TRY_AGAIN : EventApplier.Applied.ALL;
    }
}
