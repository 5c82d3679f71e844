package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.StoredEventsListener;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.EngagementRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Journeys hear of events as ingestion stores them: a purchase enters, a review ends, a delivery
 * wakes a waiting run. Only event types some active journey listens to cost anything; the rest
 * never touch the journeys item. Steps that are due at once (an order confirmation, a cross-sell
 * offer) run here and their messages go to delivery straight away, not at the next timer.
 */
public final class TakeJourneyEvents implements StoredEventsListener {

    static final int ATTEMPTS = 4;

    private final JourneyStore store;
    private final JourneyDefinitions definitions;
    private final DeliveryPolicies policies;
    private final JourneyCommit commit;
    private final Clock clock;
    private final Warnings warnings;
    private final JourneyTransitions transitions;

    public TakeJourneyEvents(JourneyStore store, JourneyDefinitions definitions, DeliveryPolicy policy,
                             MessageRequests requests, Clock clock, Warnings warnings) {
        this(store, definitions, policy, requests, clock, warnings, JourneyTransitions.NONE);
    }

    public TakeJourneyEvents(JourneyStore store, JourneyDefinitions definitions, DeliveryPolicy policy,
                             MessageRequests requests, Clock clock, Warnings warnings, JourneyTransitions transitions) {
        this(store, definitions, DeliveryPolicies.constant(policy), requests, clock, warnings, transitions);
    }

    /** @param policies asked per customer's events, so the settings an operator activates apply to the next step */
    public TakeJourneyEvents(JourneyStore store, JourneyDefinitions definitions, DeliveryPolicies policies,
                             MessageRequests requests, Clock clock, Warnings warnings, JourneyTransitions transitions) {
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.store = Objects.requireNonNull(store, "store");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.commit = new JourneyCommit(store, requests, warnings);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public boolean stored(EngagementRecord record, List<EngagementEvent> events) {
        try {
            ActiveJourneys active = definitions.active();
            List<EngagementEvent> relevant = events.stream().filter(active::hears).toList();
            if (relevant.isEmpty()) return true;
            JourneyEngine engine = new JourneyEngine(active, policies.delivery());
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Instant now = clock.instant();
                StoredJourneys stored = store.load(record.customerId());
                JourneyEngine.Outcome outcome = engine.onEvents(stored.journeys(), record, relevant, now);
                // Events that moved nothing are not worth a write just to remember their ids: taking
                // them again later moves nothing either.
                if (!movedAnything(stored.journeys(), outcome.next())) return true;
                if (commit.commit(stored, outcome.next(), now)) {
                    transitions.stored(outcome.transitions());
                    return true;
                }
            }
            warnings.warn("a customer's journeys kept changing; the events will be retried");
        } catch (RuntimeException e) {
            warnings.warn("taking events into journeys failed; the events will be retried", e);
        }
        return false;
    }

    private static boolean movedAnything(CustomerJourneys before, CustomerJourneys after) {
        return !before.runs().equals(after.runs()) || !before.history().equals(after.history())
                || !before.annual().equals(after.annual()) || !before.unpublished().equals(after.unpublished());
    }
}
