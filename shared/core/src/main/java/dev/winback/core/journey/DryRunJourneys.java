package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What journeys would do to some customers, without doing it: each customer's record and journeys
 * are read, the given events are played at the date, and the engine is moved on at each deadline up
 * to the horizon. Nothing is stored and nothing is handed to delivery, so an operator can try a
 * candidate definition on real customers before storing or activating it.
 */
public final class DryRunJourneys {

    public static final int MAX_CUSTOMERS = 100;
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);
    public static final Duration MAX_HORIZON = Duration.ofDays(3 * 365 + 1);
    /** Engine calls per customer at most: a journey that waits a minute in a loop cannot hold the request. */
    static final int MAX_STEPS = 500;

    /**
     * @param events    played for every customer, each stamped with the customer and the date
     * @param candidate replaces the active journey of its id, or is added when none has it
     */
    public record Request(List<String> customerIds, List<EngagementEvent> events, Instant date, Duration horizon,
                          Optional<JourneyDefinition> candidate) {
        public Request {
            customerIds = List.copyOf(customerIds);
            events = List.copyOf(events);
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(horizon, "horizon");
            Objects.requireNonNull(candidate, "candidate");
            if (customerIds.isEmpty() || customerIds.size() > MAX_CUSTOMERS) {
                throw new IllegalArgumentException("a dry run takes 1 to " + MAX_CUSTOMERS + " customers");
            }
            if (horizon.isNegative() || horizon.compareTo(MAX_HORIZON) > 0) {
                throw new IllegalArgumentException("the horizon is at most " + MAX_HORIZON.toDays() + " days");
            }
        }
    }

    /** A message the customer would be sent. */
    public record Message(Instant at, String journeyId, String stepId, String campaignId, List<Channel> channels,
                          Purpose purpose, MessageCategory category) {
        public Message {
            channels = List.copyOf(channels);
        }
    }

    /** An entry, a refusal or an exit, when it would happen. */
    public record Transition(Instant at, JourneyTransition transition) {
    }

    /**
     * @param found     false when the customer has no record (never stored, or erased): nothing was played
     * @param truncated the simulation stopped at {@link #MAX_STEPS} engine calls before the horizon
     */
    public record CustomerRun(String customerId, boolean found, List<Transition> transitions, List<Message> messages,
                              boolean truncated) {
        public CustomerRun {
            transitions = List.copyOf(transitions);
            messages = List.copyOf(messages);
        }

        static CustomerRun notFound(String customerId) {
            return new CustomerRun(customerId, false, List.of(), List.of(), false);
        }
    }

    public record Report(Instant from, Instant until, List<CustomerRun> customers) {
        public Report {
            customers = List.copyOf(customers);
        }
    }

    private final EngagementStore records;
    private final JourneyStore journeys;
    private final JourneyDefinitions definitions;
    private final DeliveryPolicies policies;

    public DryRunJourneys(EngagementStore records, JourneyStore journeys, JourneyDefinitions definitions,
                          DeliveryPolicy policy) {
        this(records, journeys, definitions, DeliveryPolicies.constant(policy));
    }

    /** @param policies asked per dry run, so it shows what the settings running would do */
    public DryRunJourneys(EngagementStore records, JourneyStore journeys, JourneyDefinitions definitions,
                          DeliveryPolicies policies) {
        this.records = Objects.requireNonNull(records, "records");
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    public Report run(Request request) {
        JourneyEngine engine = new JourneyEngine(withCandidate(definitions.active(), request.candidate()), policies.delivery());
        Instant until = request.date().plus(request.horizon());
        List<CustomerRun> runs = new ArrayList<>();
        for (String customerId : request.customerIds().stream().distinct().toList()) {
            Optional<StoredRecord> record = records.read(customerId);
            runs.add(record.isEmpty() ? CustomerRun.notFound(customerId)
                    : simulate(engine, record.get().record(), request, until));
        }
        return new Report(request.date(), until, runs);
    }

    static ActiveJourneys withCandidate(ActiveJourneys active, Optional<JourneyDefinition> candidate) {
        if (candidate.isEmpty()) return active;
        Map<String, JourneyDefinition> all = new LinkedHashMap<>(active.definitions());
        all.put(candidate.get().id(), candidate.get());
        return new ActiveJourneys(all, active.catalog());
    }

    private CustomerRun simulate(JourneyEngine engine, EngagementRecord stored, Request request, Instant until) {
        String customerId = stored.customerId();
        CustomerJourneys state = journeys.load(customerId).journeys();
        Played played = new Played();
        EngagementRecord record = stored;
        Instant at = request.date();
        if (!request.events().isEmpty()) {
            List<EngagementEvent> events = request.events().stream()
                    .map(e -> new EngagementEvent(e.eventId(), customerId, request.date(), e.platform(), e.payload()))
                    .toList();
            // The journeys hear of events after the record took them, as in ingestion (in memory only).
            RecordUpdate.Result update = RecordUpdate.apply(record, events, Map.of());
            record = update.record();
            state = played.take(engine.onEvents(state, record, update.applied(), at), at);
        }
        int calls = 0;
        while (true) {
            Optional<Instant> due = state.nextDue();
            if (due.isEmpty() || due.get().isAfter(until)) break;
            if (calls++ == MAX_STEPS) return played.report(customerId, true);
            Instant when = due.get().isBefore(at) ? at : due.get();
            JourneyEngine.Outcome outcome = engine.advance(state, record, when);
            CustomerJourneys next = played.take(outcome, when);
            if (next.equals(state)) break;
            state = next;
            at = when;
        }
        return played.report(customerId, false);
    }

    /** What one customer's simulation saw, call after call. */
    private static final class Played {
        final List<Transition> transitions = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();

        /** Records the outcome and returns the next state without its messages: nothing is handed over. */
        CustomerJourneys take(JourneyEngine.Outcome outcome, Instant at) {
            Map<MessageKey, JourneyTransition.Sent> sentBy = new HashMap<>();
            for (JourneyTransition transition : outcome.transitions()) {
                if (transition instanceof JourneyTransition.Sent sent) {
                    sentBy.put(sent.message(), sent);
                } else {
                    transitions.add(new Transition(at, transition));
                }
            }
            for (DeliveryRequest send : outcome.sends()) {
                JourneyTransition.Sent sent = sentBy.get(send.key());
                messages.add(new Message(send.requestedAt(), sent == null ? "" : sent.journeyId(),
                        sent == null ? send.step() : sent.stepId(), send.campaignId(), send.channels(),
                        send.purpose(), send.category()));
            }
            CustomerJourneys next = outcome.next();
            return new CustomerJourneys(next.customerId(), next.runs(), next.history(), next.annual(),
                    next.seenEvents(), List.of());
        }

        CustomerRun report(String customerId, boolean truncated) {
            return new CustomerRun(customerId, true, transitions, messages, truncated);
        }
    }
}
