package dev.winback.core.record;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.record.Exposures.Exposure;

import java.util.ArrayList;
import java.util.List;

/**
 * What a record write adds to the outcome counters, from the record before and after it and the
 * events it applied: exposures it opened, exposures it converted, purchases it applied within an
 * exposure's window (revenue), marketing messages it recorded. Each follows from something the
 * write itself makes happen once (an exposure kept, an exposure marked converted, an event id
 * seen), so adding them after the write succeeded never counts anything twice. Pure.
 */
public final class OutcomeChanges {

    private OutcomeChanges() {
    }

    public static List<OutcomeCount> of(EngagementRecord before, EngagementRecord after,
                                        List<EngagementEvent> applied) {
        List<OutcomeCount> counts = new ArrayList<>();
        Exposures was = before.exposures();
        for (Exposure exposure : after.exposures().open()) {
            var previous = was.find(exposure);
            if (previous.isEmpty()) counts.add(OutcomeCount.exposure(exposure.unit(), exposure.group(), exposure.at()));
            if (exposure.converted() && previous.map(p -> !p.converted()).orElse(true)) {
                counts.add(OutcomeCount.conversion(exposure.unit(), exposure.group(), exposure.at()));
            }
        }
        for (EngagementEvent event : applied) {
            switch (event.payload()) {
                case EventPayload.PurchaseCompleted p -> {
                    for (Exposure exposure : after.exposures().open()) {
                        if (exposure.covers(event.occurredAt())) {
                            counts.add(OutcomeCount.revenue(exposure.unit(), exposure.group(), exposure.at(),
                                    p.currency(), p.amount()));
                        }
                    }
                }
                case EventPayload.MessageSent m when m.marketing() && m.measuredBy().isPresent() ->
                        counts.add(OutcomeCount.message(m.measuredBy().get(), event.occurredAt()));
                default -> { }
            }
        }
        return OutcomeCount.merged(counts);
    }
}
