package dev.winback.core.links;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.EventApplier;

import java.util.ArrayList;
import java.util.List;

/** An {@link EventApplier} that keeps what it was given and answers as told. */
final class RecordedEvents implements EventApplier {

    final List<EngagementEvent> applied = new ArrayList<>();
    Applied answer = Applied.ALL;

    @Override
    public Applied applyAll(List<EngagementEvent> events) {
        applied.addAll(events);
        return answer;
    }
}
