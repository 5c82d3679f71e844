package dev.winback.adapters.ingest;

import dev.winback.adapters.json.EventJsonParser;
import dev.winback.adapters.json.ParseResult;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.EventOutcome;
import dev.winback.core.ingest.IngestEvents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The queue path's front door: parses raw bodies (bare events or EventBridge envelopes), keeps the
 * invalid ones with their reasons, and applies the valid ones together, so one bad event never
 * holds back the rest of its batch.
 */
public final class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class.getName());

    /** One input as the delivering system gave it. */
    public record RawEvent(String source, String sourceId, String body) { }

    private final EventJsonParser parser = new EventJsonParser();
    private final IngestEvents ingest;
    private final RejectedEvents rejected;
    private final Clock clock;
    private final UnaryOperator<List<EngagementEvent>> screen;

    public EventIntake(IngestEvents ingest, RejectedEvents rejected, Clock clock) {
        this(ingest, rejected, clock, UnaryOperator.identity());
    }

    /**
     * @param screen applied to every valid batch before ingestion; may rewrite events, one for one
     *               and in order (it removes erased contact addresses)
     */
    public EventIntake(IngestEvents ingest, RejectedEvents rejected, Clock clock,
                       UnaryOperator<List<EngagementEvent>> screen) {
        this.ingest = ingest;
        this.rejected = rejected;
        this.clock = clock;
        this.screen = screen;
    }

    /** @return one result per input, in input order */
    public List<IntakeResult> accept(List<RawEvent> raws) {
        IntakeResult[] results = new IntakeResult[raws.size()];
        List<EngagementEvent> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            RawEvent raw = raws.get(i);
            switch (parser.parseMessageBody(raw.body())) {
                case ParseResult.Parsed parsed -> {
                    valid.add(parsed.event());
                    validIndexes.add(i);
                }
                case ParseResult.Invalid invalid -> results[i] = keepRejected(raw, invalid);
            }
        }
        List<IntakeResult> applied = apply(valid);
        for (int k = 0; k < validIndexes.size(); k++) results[validIndexes.get(k)] = applied.get(k);
        return List.of(results);
    }

    /** Applies events that are already known to be valid. */
    public List<IntakeResult> apply(List<EngagementEvent> events) {
        if (events.isEmpty()) return List.of();
        List<EventOutcome> outcomes;
        try {
            outcomes = ingest.ingest(screen.apply(events));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "screening events failed; the batch will be retried", e);
            outcomes = events.stream().map(event -> EventOutcome.RETRY).toList();
        }
        List<IntakeResult> results = new ArrayList<>(events.size());
        int erased = 0;
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i).eventId();
            EventOutcome outcome = outcomes.get(i);
            if (outcome == EventOutcome.ERASED) erased++;
            results.add(switch (outcome) {
                case APPLIED -> new IntakeResult.Applied(id);
                case DUPLICATE -> new IntakeResult.Duplicate(id);
                case RETRY -> new IntakeResult.Retry(id);
                case ERASED -> new IntakeResult.Erased(id);
            });
        }
        if (erased > 0) {
            int dropped = erased;
            LOG.info(() -> "dropped " + dropped + " event(s) of erased customers");
        }
        return results;
    }

    private IntakeResult keepRejected(RawEvent raw, ParseResult.Invalid invalid) {
        try {
            rejected.keep(raw.source(), raw.sourceId(), raw.body(), invalid.errors(), clock.instant());
            LOG.info(() -> "rejected event from " + raw.source() + " " + raw.sourceId() + ": "
                    + invalid.errors().size() + " invalid field(s), first " + invalid.errors().getFirst().field());
            return new IntakeResult.Rejected(invalid.eventId(), invalid.errors());
        } catch (RuntimeException e) {
            // Not kept yet: let the queue redeliver it rather than lose it.
            LOG.log(Level.WARNING, "could not keep a rejected event; it will be redelivered", e);
            return new IntakeResult.Retry(invalid.eventId());
        }
    }
}
