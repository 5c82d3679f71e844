package dev.winback.core.ingest;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.observe.Warnings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The front door of every event: reads raw bodies (bare events or their delivering system's
 * envelopes), keeps the invalid ones with their reasons, and applies the valid ones together, so
 * one bad event never holds back the rest of its batch.
 */
public final class EventIntake {

    /**
     * One input as the delivering system gave it.
     *
     * @param sentAt when the delivering system took it in (SQS's SentTimestamp), or null: the receipt
     *               time consent merging and the arrival window go by, stable across redeliveries
     */
    public record RawEvent(String source, String sourceId, String body, Instant sentAt) {
        public RawEvent(String source, String sourceId, String body) {
            this(source, sourceId, body, null);
        }
    }

    /** The reason given for an id already applied to another event. */
    public static final String CONFLICTING_ID =
            "was already used by another event of this customer (another type or time); an event id is applied once";

    private final IngestEvents ingest;
    private final EventFormat format;
    private final RejectedEventLog rejected;
    private final Warnings warnings;
    private final Clock clock;
    private final UnaryOperator<List<EngagementEvent>> screen;

    public EventIntake(IngestEvents ingest, EventFormat format, RejectedEventLog rejected, Warnings warnings,
                       Clock clock) {
        this(ingest, format, rejected, warnings, clock, UnaryOperator.identity());
    }

    /**
     * @param screen applied to every valid batch before ingestion; may rewrite events, one for one
     *               and in order (it removes erased contact addresses)
     */
    public EventIntake(IngestEvents ingest, EventFormat format, RejectedEventLog rejected, Warnings warnings,
                       Clock clock, UnaryOperator<List<EngagementEvent>> screen) {
        this.ingest = ingest;
        this.format = format;
        this.rejected = rejected;
        this.warnings = warnings;
        this.clock = clock;
        this.screen = screen;
    }

    /** @return one result per input, in input order */
    public List<IntakeResult> accept(List<RawEvent> raws) {
        IntakeResult[] results = new IntakeResult[raws.size()];
        List<EngagementEvent> valid = new ArrayList<>();
        List<RawEvent> validRaws = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            RawEvent raw = raws.get(i);
            switch (format.parse(raw.body())) {
                case ParseResult.Parsed parsed -> {
                    valid.add(raw.sentAt() == null ? parsed.event() : parsed.event().receivedBy(raw.sentAt()));
                    validRaws.add(raw);
                    validIndexes.add(i);
                }
                case ParseResult.Invalid invalid -> results[i] = keepRejected(raw, invalid);
            }
        }
        List<IntakeResult> applied = apply(valid, validRaws::get);
        for (int k = 0; k < validIndexes.size(); k++) results[validIndexes.get(k)] = applied.get(k);
        return List.of(results);
    }

    /**
     * Applies events that are already known to be valid. One the ingest refuses (dated in the future,
     * or reusing an id) is kept as a rejected event, written in the contract's format.
     */
    public List<IntakeResult> apply(List<EngagementEvent> events) {
        return apply(events, i -> new RawEvent("api", events.get(i).eventId() + "@" + events.get(i).occurredAt(),
                format.write(events.get(i))));
    }

    private List<IntakeResult> apply(List<EngagementEvent> events, IntFunction<RawEvent> rawOf) {
        if (events.isEmpty()) return List.of();
        List<EventOutcome> outcomes;
        try {
            outcomes = ingest.ingest(screen.apply(events));
        } catch (RuntimeException e) {
            warnings.warn("screening events failed; the batch will be retried", e);
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
                case FUTURE_DATED -> keepRejected(rawOf.apply(i), new ParseResult.Invalid(id,
                        List.of(new FieldError("occurredAt", ingest.arrival().refusal()))));
                case CONFLICTING_ID -> keepRejected(rawOf.apply(i), new ParseResult.Invalid(id,
                        List.of(new FieldError("eventId", CONFLICTING_ID))));
                case RETRY -> new IntakeResult.Retry(id);
                case ERASED -> new IntakeResult.Erased(id);
            });
        }
        if (erased > 0) warnings.note("dropped " + erased + " event(s) of erased customers");
        return results;
    }

    /**
     * Why an event received now would be refused for its date, if it would: for callers that answer
     * for a whole request before applying any of it.
     */
    public Optional<FieldError> arrivalProblem(EngagementEvent event) {
        return ingest.arrival().accepts(event.occurredAt(), clock.instant()) ? Optional.empty()
                : Optional.of(new FieldError("occurredAt", ingest.arrival().refusal()));
    }

    private IntakeResult keepRejected(RawEvent raw, ParseResult.Invalid invalid) {
        try {
            rejected.keep(raw.source(), raw.sourceId(), raw.body(), invalid.errors(), invalid.omitted(), clock.instant());
            warnings.note("rejected event from " + raw.source() + " " + raw.sourceId() + ": "
                    + invalid.errorCount() + " invalid field(s), first " + invalid.errors().getFirst().field());
            return new IntakeResult.Rejected(invalid.eventId(), invalid.errors());
        } catch (RuntimeException e) {
            // Not kept yet: let the delivering system redeliver it rather than lose it.
            warnings.warn("could not keep a rejected event; it will be redelivered", e);
            return new IntakeResult.Retry(invalid.eventId());
        }
    }
}
