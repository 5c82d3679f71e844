package dev.winback.core.ingest;

import dev.winback.core.concurrent.FanOut;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.outcome.OutcomeCounters;
import dev.winback.core.outcome.OptOutCount;
import dev.winback.core.outcome.OptOutCounters;
import dev.winback.core.record.OptOutChanges;
import dev.winback.core.record.OutcomeChanges;
import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.RecordUpdate;

import dev.winback.core.evaluation.DueTimes;

import dev.winback.core.record.StoredRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Applies a batch of valid events to engagement records: one read and at most one write per
 * customer in the batch (events of the same customer are coalesced), optimistic concurrency with
 * a few immediate retries, and per-event outcomes so that the caller retries only what failed.
 *
 * <p>The same write arms the record's evaluation timer when the record now needs the evaluator
 * sooner than the timer says (or no timer is armed), or when the timer would fire within a day with
 * nothing to do: see {@link DueTimes#onIngest}. Most events move a deadline later, and leaving a
 * far-off timer saves the index write they would otherwise cost.
 *
 * <p>Events of an erased customer are never stored (outcome {@link EventOutcome#ERASED}): whatever
 * sends them, a late event must not bring the customer back.
 */
public final class IngestEvents {

    static final int ATTEMPTS = 4;

    private final EngagementStore store;
    private final Executor executor;
    private final Clock clock;
    private final NextDue nextDue;
    private final MessageFeedbackListener feedback;
    private final ArrivalWindow arrival;
    private final Warnings warnings;
    private final StoredEventsListener listener;
    private final OutcomeCounters counters;
    private final OptOutCounters optOuts;

    /**
     * Hears of no message feedback, takes the default arrival window and drops its warnings (for
     * tests that assert on outcomes).
     *
     * @param executor customers of one batch are independent; it may apply them concurrently
     * @param clock    the instant timers are computed from
     * @param nextDue  when a record next needs the evaluator
     */
    public IngestEvents(EngagementStore store, Executor executor, Clock clock, NextDue nextDue) {
        this(store, executor, clock, nextDue, MessageFeedbackListener.NONE, ArrivalWindow.DEFAULT, Warnings.NONE);
    }

    /**
     * @param feedback hears of every stored message feedback event (also redelivered ones), after the
     *                 record write; an event it cannot take now is retried
     * @param arrival  how far after its receipt an event may be dated; later ones are refused
     * @param warnings hears of failures handled by retrying (ids only)
     */
    public IngestEvents(EngagementStore store, Executor executor, Clock clock, NextDue nextDue,
                        MessageFeedbackListener feedback, ArrivalWindow arrival, Warnings warnings) {
        this(store, executor, clock, nextDue, feedback, arrival, warnings, StoredEventsListener.NONE);
    }

    /** @param listener hears of each customer's stored events with the record as written (journeys) */
    public IngestEvents(EngagementStore store, Executor executor, Clock clock, NextDue nextDue,
                        MessageFeedbackListener feedback, ArrivalWindow arrival, Warnings warnings,
                        StoredEventsListener listener) {
        this(store, executor, clock, nextDue, feedback, arrival, warnings, listener, OutcomeCounters.NONE);
    }

    /**
     * @param counters hears of what each record write adds to the outcome counters (exposures opened
     *                 and converted, revenue, messages): only writes that change an exposure or apply
     *                 a measured send or a purchase within a window cost a counter write
     */
    public IngestEvents(EngagementStore store, Executor executor, Clock clock, NextDue nextDue,
                        MessageFeedbackListener feedback, ArrivalWindow arrival, Warnings warnings,
                        StoredEventsListener listener, OutcomeCounters counters) {
        this(store, executor, clock, nextDue, feedback, arrival, warnings, listener, counters, OptOutCounters.NONE);
    }

    /**
     * @param optOuts hears of the opt-outs each record write made (a channel's marketing closed), by
     *                the unit of the last measured message before them: only such writes cost a write
     */
    public IngestEvents(EngagementStore store, Executor executor, Clock clock, NextDue nextDue,
                        MessageFeedbackListener feedback, ArrivalWindow arrival, Warnings warnings,
                        StoredEventsListener listener, OutcomeCounters counters, OptOutCounters optOuts) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.store = store;
        this.executor = executor;
        this.clock = clock;
        this.nextDue = nextDue;
        this.feedback = feedback;
        this.arrival = arrival;
        this.warnings = warnings;
    }

    /** How far after its receipt an event may be dated. */
    public ArrivalWindow arrival() {
        return arrival;
    }

    /**
     * Events without a receipt time are stamped as received now; a receipt claimed after now is
     * taken as now. An event dated beyond the {@link ArrivalWindow} after its receipt is refused.
     *
     * @return one outcome per input event, in input order
     */
    public List<EventOutcome> ingest(List<EngagementEvent> received) {
        Instant now = clock.instant();
        List<EngagementEvent> events = new ArrayList<>(received.size());
        EventOutcome[] outcomes = new EventOutcome[received.size()];
        Map<String, List<Integer>> byCustomer = new LinkedHashMap<>();
        Map<String, List<Integer>> futureDated = new LinkedHashMap<>();
        for (int i = 0; i < received.size(); i++) {
            EngagementEvent event = received.get(i);
            Instant receivedAt = event.receivedAt() == null || event.receivedAt().isAfter(now) ? now : event.receivedAt();
            event = new EngagementEvent(event.eventId(), event.customerId(), event.occurredAt(), event.platform(),
                    event.payload(), receivedAt);
            events.add(event);
            boolean inTime = arrival.accepts(event.occurredAt(), receivedAt);
            (inTime ? byCustomer : futureDated).computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(i);
        }
        Map<String, StoredRecord> loaded = new java.util.HashMap<>();
        try {
            // The records to update may be read stale: the version condition of their write refuses a
            // stale one, and a lost race reads again strongly. A refused event's customer is read
            // strongly: an erased customer's events are dropped, never kept as rejected (their body
            // names the customer), and nothing would catch a stale read there.
            java.util.Set<String> toUpdate = new java.util.LinkedHashSet<>(byCustomer.keySet());
            toUpdate.removeAll(futureDated.keySet());
            if (!toUpdate.isEmpty()) loaded.putAll(store.loadToUpdate(toUpdate));
            if (!futureDated.isEmpty()) loaded.putAll(store.load(futureDated.keySet()));
        } catch (RuntimeException e) {
            warnings.warn("loading records failed; the whole batch will be retried", e);
            java.util.Arrays.fill(outcomes, EventOutcome.RETRY);
            return List.of(outcomes);
        }
        futureDated.forEach((customerId, indexes) -> indexes.forEach(i -> outcomes[i] =
                loaded.get(customerId).erased() ? EventOutcome.ERASED : EventOutcome.FUTURE_DATED));
        if (byCustomer.isEmpty()) return List.of(outcomes);
        Counts counts = new Counts();
        FanOut.forEachGroup(byCustomer, executor, (customerId, indexes) -> {
            List<EngagementEvent> own = indexes.stream().map(events::get).toList();
            List<EventOutcome> result = ingestOne(loaded.get(customerId), own, counts);
            for (int k = 0; k < indexes.size(); k++) outcomes[indexes.get(k)] = result.get(k);
        });
        counts.addTo(counters, optOuts, warnings);
        return List.of(outcomes);
    }

    /**
     * Applies one customer's events starting from a record the caller has just read (saving the read
     * when nobody wrote since; a lost race reads again as usual).
     */
    public List<EventOutcome> ingestRead(StoredRecord current, List<EngagementEvent> events) {
        Instant now = clock.instant();
        List<EngagementEvent> stamped = new ArrayList<>(events.size());
        for (EngagementEvent event : events) {
            if (!event.customerId().equals(current.record().customerId())) {
                throw new IllegalArgumentException("every event must belong to the record's customer");
            }
            if (!arrival.accepts(event.occurredAt(), now)) {
                throw new IllegalArgumentException("an event dated after its receipt cannot be applied");
            }
            stamped.add(event.receivedBy(now));
        }
        Counts counts = new Counts();
        List<EventOutcome> outcomes = ingestOne(current, stamped, counts);
        counts.addTo(counters, optOuts, warnings);
        return outcomes;
    }

    private List<EventOutcome> ingestOne(StoredRecord first, List<EngagementEvent> events, Counts counts) {
        String customerId = events.getFirst().customerId();
        StoredRecord stored = first;
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (stored == null) {
                    stored = store.load(List.of(customerId)).get(customerId);
                }
                if (stored.erased()) return List.of(filled(events.size(), EventOutcome.ERASED));
                Map<YearMonth, ArchivedMonth> archive = RecordUpdate.needsArchive(stored.record(), events)
                        ? store.loadArchive(customerId) : Map.of();
                RecordUpdate.Result update = RecordUpdate.apply(stored.record(), events, archive);
                if (!update.changed() || store.save(stored, update, arm(stored, update))) {
                    if (update.changed()) count(stored.record(), update.record(), update.applied(), counts);
                    List<EventOutcome> outcomes = new ArrayList<>(update.outcomes().stream()
                            .map(o -> switch (o) {
                                case APPLIED -> EventOutcome.APPLIED;
                                case DUPLICATE -> EventOutcome.DUPLICATE;
                                case CONFLICTING_ID -> EventOutcome.CONFLICTING_ID;
                            }).toList());
                    tellFeedback(events, outcomes);
                    tellListener(update.record(), events, outcomes);
                    return outcomes;
                }
                stored = null; // lost a race: read again and re-apply
            }
            warnings.warn("record kept changing under " + ATTEMPTS + " attempts; events will be retried");
        } catch (RuntimeException e) {
            warnings.warn("storing a record failed; its events will be retried", e);
        }
        return List.of(filled(events.size(), EventOutcome.RETRY));
    }

    /**
     * Records in the customer's record that a message of {@code unit} was withheld from them at
     * {@code at} (the held-out group's exposure), starting from a record the caller has just read.
     *
     * @return false when it could not be recorded now (reported); the exposure is then not counted
     */
    public boolean recordWithheld(StoredRecord current, String unit, Assignment group, Instant at) {
        if (!group.withheld()) throw new IllegalArgumentException("only a withheld message is recorded here");
        String customerId = current.record().customerId();
        StoredRecord stored = current;
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (stored == null) stored = store.load(List.of(customerId)).get(customerId);
                if (stored.erased()) return true;
                EngagementRecord exposed = stored.record().exposedTo(unit, group, at);
                if (exposed == stored.record()) return true; // exposed within the window already
                RecordUpdate.Result update = new RecordUpdate.Result(exposed, List.of(), Map.of(), List.of());
                if (store.save(stored, update)) {
                    Counts counts = new Counts();
                    count(stored.record(), exposed, List.of(), counts);
                    counts.addTo(counters, optOuts, warnings);
                    return true;
                }
                stored = null;
            }
            warnings.warn("record kept changing under " + ATTEMPTS + " attempts; a withheld message of " + unit
                    + " is not counted");
        } catch (RuntimeException e) {
            warnings.warn("storing a withheld message of " + unit + " failed; it is not counted", e);
        }
        return false;
    }

    /**
     * Keeps what a successful record write decided for the outcome and opt-out counters, which
     * {@link Counts#addTo} adds after the writes. Only after the write: a crash or a failure in
     * between leaves the counters short (the write already marked the exposure opened or converted,
     * or saw the event), never counts anything twice.
     */
    private void count(EngagementRecord before, EngagementRecord after, List<EngagementEvent> applied, Counts counts) {
        if (optOuts != OptOutCounters.NONE) {
            try {
                counts.optOuts.addAll(OptOutChanges.of(before, after));
            } catch (RuntimeException e) {
                warnings.warn("working out the opt-out counters failed; they under-count this write", e);
            }
        }
        if (counters == OutcomeCounters.NONE) return;
        try {
            counts.outcomes.addAll(OutcomeChanges.of(before, after, applied));
        } catch (RuntimeException e) {
            warnings.warn("working out the outcome counters failed; they under-count this write", e);
        }
    }

    /** Message feedback goes to the listener once stored; what it cannot take now is retried. */
    private void tellFeedback(List<EngagementEvent> events, List<EventOutcome> outcomes) {
        if (feedback == MessageFeedbackListener.NONE) return;
        for (int i = 0; i < events.size(); i++) {
            EngagementEvent event = events.get(i);
            if (!(event.payload() instanceof dev.winback.core.event.EventPayload.MessageFeedback f)) continue;
            boolean taken;
            try {
                taken = feedback.heard(event.customerId(), f, event.occurredAt());
            } catch (RuntimeException e) {
                warnings.warn("marking a message with its feedback failed; the event will be retried", e);
                taken = false;
            }
            if (!taken) outcomes.set(i, EventOutcome.RETRY);
        }
    }

    /** Stored events (new and redelivered) go to the listener; what it cannot take now is retried. */
    private void tellListener(EngagementRecord record, List<EngagementEvent> events,
                              List<EventOutcome> outcomes) {
        if (listener == StoredEventsListener.NONE) return;
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventOutcome outcome = outcomes.get(i);
            if (outcome == EventOutcome.APPLIED || outcome == EventOutcome.DUPLICATE) stored.add(i);
        }
        if (stored.isEmpty()) return;
        boolean taken;
        try {
            taken = listener.stored(record, stored.stream().map(events::get).toList());
        } catch (RuntimeException e) {
            warnings.warn("a listener of stored events failed; the events will be retried", e);
            taken = false;
        }
        if (!taken) stored.forEach(i -> outcomes.set(i, EventOutcome.RETRY));
    }

    /**
     * The timer to set with this write, if any. Storing the events matters more than the timer: if
     * working out the next deadline fails, the record is stored with its timer as it was (the next
     * event or an evaluation re-arms it) rather than the events going back to the queue.
     */
    private Optional<Instant> arm(StoredRecord stored, RecordUpdate.Result update) {
        if (nextDue == NextDue.NEVER) return Optional.empty();
        try {
            Instant now = clock.instant();
            return DueTimes.onIngest(stored.dueAt(), nextDue.of(update.record(), now), now);
        } catch (RuntimeException e) {
            warnings.warn("working out a record's next deadline failed; its timer is left as it was", e);
            return Optional.empty();
        }
    }

    /**
     * The increments of a call's record writes, added together once they are all made: customers of
     * a batch converting on the same unit and day cost one counter write, not one each.
     */
    private static final class Counts {
        private final Queue<OutcomeCount> outcomes = new ConcurrentLinkedQueue<>();
        private final Queue<OptOutCount> optOuts = new ConcurrentLinkedQueue<>();

        void addTo(OutcomeCounters counters, OptOutCounters optOutCounters, Warnings warnings) {
            try {
                if (!optOuts.isEmpty()) optOutCounters.add(OptOutCount.merged(optOuts));
            } catch (RuntimeException e) {
                warnings.warn("adding to the opt-out counters failed; they under-count these writes", e);
            }
            try {
                if (!outcomes.isEmpty()) counters.add(OutcomeCount.merged(outcomes));
            } catch (RuntimeException e) {
                warnings.warn("adding to the outcome counters failed; they under-count these writes", e);
            }
        }
    }

    private static EventOutcome[] filled(int size, EventOutcome outcome) {
        EventOutcome[] all = new EventOutcome[size];
        java.util.Arrays.fill(all, outcome);
        return all;
    }
}
