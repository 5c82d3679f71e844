package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.delivery.QuietWindow;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a customer's journeys: pure, with {@code now} a parameter. The same state, record, events
 * and instant give the same outcome, and a message of a run's entry always has the same key, so a
 * call retried after a lost write decides the same messages again and delivery sends them once.
 * Calling {@link #advance} again on its own result at the same instant changes nothing.
 */
public final class JourneyEngine {

    /**
     * @param next        the state to store
     * @param sends       the messages decided in this call (also added to {@code next.unpublished()})
     * @param transitions entries, refusals, sends and exits, for counting
     * @param changed     whether {@code next} differs from the state the call started from
     */
    public record Outcome(CustomerJourneys next, List<DeliveryRequest> sends, List<JourneyTransition> transitions,
                          boolean changed) {
        public Outcome {
            Objects.requireNonNull(next, "next");
            sends = List.copyOf(sends);
            transitions = List.copyOf(transitions);
        }
    }

    private static final Comparator<EngagementEvent> IN_ORDER =
            Comparator.comparing(EngagementEvent::occurredAt).thenComparing(EngagementEvent::eventId);

    private final ActiveJourneys journeys;
    private final DeliveryPolicy policy;

    public JourneyEngine(ActiveJourneys journeys, DeliveryPolicy policy) {
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Takes events just stored for the customer (ids already taken are ignored), in the order they
     * happened, then runs every run that is due.
     */
    public Outcome onEvents(CustomerJourneys state, EngagementRecord record, List<EngagementEvent> events, Instant now) {
        Call call = new Call(state, record, now);
        List<EngagementEvent> fresh = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (EngagementEvent event : events) {
            if (!call.book.seen(event.eventId()) && ids.add(event.eventId())) fresh.add(event);
        }
        fresh.sort(IN_ORDER);
        call.annual.arm(false);
        for (EngagementEvent event : fresh) {
            call.book.markSeen(event.eventId());
            call.router.route(event);
            // Steps due now run before the next event: a restart by the next status of the same
            // order must not swallow this status's message.
            call.runDue();
            if (event.payload() instanceof EventPayload.ProfileUpdated profile && profile.birthday().isPresent()) {
                call.annual.arm(true);
            }
        }
        return call.finish(state);
    }

    /** Enters the annual journeys whose time came, then runs every run due at {@code now}. */
    public Outcome advance(CustomerJourneys state, EngagementRecord record, Instant now) {
        Call call = new Call(state, record, now);
        call.annual.arm(false);
        return call.finish(state);
    }

    /** The state without the messages delivery accepted. */
    public static CustomerJourneys withPublished(CustomerJourneys state, Set<MessageKey> accepted) {
        List<DeliveryRequest> left = state.unpublished().stream().filter(r -> !accepted.contains(r.key())).toList();
        return new CustomerJourneys(state.customerId(), state.runs(), state.history(), state.annual(),
                state.seenEvents(), left);
    }

    /** One call's collaborators over one working book. */
    private final class Call {
        final RunBook book;
        final EngagementRecord record;
        final Facts recordFacts;
        final StepRunner steps;
        final EventRouter router;
        final AnnualTriggers annual;

        Call(CustomerJourneys state, EngagementRecord record, Instant now) {
            Objects.requireNonNull(now, "now");
            this.book = new RunBook(state, journeys, now);
            this.record = record;
            this.recordFacts = RecordFacts.of(record);
            ZoneId zone = QuietWindow.zoneOf(record, policy);
            this.steps = new StepRunner(policy, zone);
            this.router = new EventRouter(book, steps, recordFacts);
            this.annual = new AnnualTriggers(book, new Admission(book, steps), record, recordFacts, zone);
        }

        Outcome finish(CustomerJourneys before) {
            annual.enterDue();
            runDue();
            CustomerJourneys next = book.result();
            return new Outcome(next, book.sends(), book.transitions(), !next.equals(before));
        }

        void runDue() {
            Set<MessageCategory> muted = record.preferences().mutedCategoriesOrEmpty();
            for (JourneyRun run : book.runs()) {
                if (!book.holds(run) || run.dueAt().map(due -> due.isAfter(book.now)).orElse(true)) continue;
                var definition = journeys.get(run.journeyId());
                if (definition.isEmpty()) {
                    book.exit(run, "journey_retired");
                } else if (definition.get().step(run.stepId()).isEmpty()) {
                    book.exit(run, "step_removed");
                } else if (muted.contains(definition.get().category())) {
                    book.exit(run, "opted_out");
                } else {
                    steps.advance(book, definition.get(), run, recordFacts);
                }
            }
        }
    }
}
