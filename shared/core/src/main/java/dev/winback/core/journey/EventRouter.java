package dev.winback.core.journey;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hands one new event to the customer's journeys, in this order: it ends the runs whose journey
 * exits on it, wakes the runs waiting for it, then enters the journeys it triggers. Runs it enters
 * are neither ended nor woken by it.
 */
final class EventRouter {

    private final RunBook book;
    private final StepRunner steps;
    private final Admission admission;
    private final Facts recordFacts;
    private final Set<String> bought;

    EventRouter(RunBook book, StepRunner steps, Facts recordFacts) {
        this.book = book;
        this.steps = steps;
        this.admission = new Admission(book, steps);
        this.recordFacts = recordFacts;
        this.bought = recordFacts.get("record.boughtCategories")
                .map(fact -> fact instanceof Fact.Words words ? words.values() : Set.<String>of()).orElse(Set.of());
    }

    void route(EngagementEvent event) {
        List<Facts> readings = EventFacts.readings(event, book.journeys.catalog(), bought);
        exit(event, readings);
        wake(event, readings);
        trigger(event);
    }

    private void exit(EngagementEvent event, List<Facts> readings) {
        for (JourneyRun run : book.runs()) {
            Optional<JourneyDefinition> definition = book.journeys.get(run.journeyId());
            if (definition.isEmpty() || event.occurredAt().isBefore(run.triggeredAt())) continue;
            boolean ends = definition.get().exitOn().stream().anyMatch(match -> matches(match, event, readings, run));
            if (ends) book.exit(run, "exit_event");
        }
    }

    private void wake(EngagementEvent event, List<Facts> readings) {
        for (JourneyRun run : book.runs()) {
            Optional<JourneyDefinition> definition = book.journeys.get(run.journeyId());
            if (definition.isEmpty() || !event.occurredAt().isAfter(run.stepSince())) continue;
            if (definition.get().step(run.stepId()).orElse(null) instanceof Step.WaitForEvent wait
                    && matches(wait.match(), event, readings, run)) {
                book.replace(steps.arrive(definition.get(), run, wait.onEvent(), book.now));
            }
        }
    }

    private boolean matches(EventMatch match, EngagementEvent event, List<Facts> readings, JourneyRun run) {
        if (!match.eventType().equals(event.type())) return false;
        Facts context = Facts.ofContext(run.context());
        return readings.stream().anyMatch(reading ->
                Conditions.allHold(match.when(), reading.and(recordFacts).and(context), book.now));
    }

    private void trigger(EngagementEvent event) {
        for (JourneyDefinition definition : book.journeys.definitions().values()) {
            if (!(definition.trigger() instanceof Trigger.OnEvent on) || !on.match().eventType().equals(event.type())) {
                continue;
            }
            Set<String> keysTaken = new HashSet<>();
            for (Facts reading : triggerReadings(on, event)) {
                Facts facts = reading.and(recordFacts);
                if (!Conditions.allHold(on.match().when(), facts, book.now)) continue;
                Optional<String> key = on.keyFact().isEmpty() ? Optional.of(ONE_PER_CUSTOMER)
                        : on.keyFact().flatMap(facts::get).map(Facts::asText);
                if (key.isEmpty()) {
                    book.notEntered(definition.id(), "", "conditions");
                    continue;
                }
                if (!keysTaken.add(key.get())) continue;
                if (!Conditions.allHold(on.when(), facts, book.now)) {
                    book.notEntered(definition.id(), key.get(), "conditions");
                    continue;
                }
                admission.admit(definition, key.get(), event.occurredAt(), context(definition, key.get(), event, reading));
            }
        }
    }

    /** The key of a journey keyed by nothing: one run per customer. */
    static final String ONE_PER_CUSTOMER = "customer";

    private List<Facts> triggerReadings(Trigger.OnEvent on, EngagementEvent event) {
        if (on.perLineItem() && event.payload() instanceof EventPayload.PurchaseCompleted purchase) {
            return purchase.items().stream()
                    .map((LineItem item) -> EventFacts.ofLineItem(event, item, book.journeys.catalog(), bought))
                    .toList();
        }
        return List.of(EventFacts.of(event));
    }

    /**
     * What the run carries: the event's facts without their prefix, and {@code repurchaseDays}: the
     * whole days since the previous trigger of this journey and key when at least one, else the
     * product's lifetime.
     */
    private Map<String, String> context(JourneyDefinition definition, String key, EngagementEvent event, Facts reading) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put(StepRunner.TRIGGER_EVENT, event.eventId());
        reading.values().forEach((name, fact) -> {
            if (name.startsWith(FactNames.EVENT)) context.put(name.substring(FactNames.EVENT.length()), Facts.asText(fact));
        });
        Optional<Instant> previous = book.history(definition.id(), key).map(JourneyHistory::lastTriggeredAt);
        Optional<Long> sincePrevious = previous.map(p -> Duration.between(p, event.occurredAt()).toDays())
                .filter(days -> days >= 1);
        if (sincePrevious.isPresent()) {
            context.put("repurchaseDays", Long.toString(sincePrevious.get()));
        } else if (context.containsKey("lifetimeDays")) {
            context.put("repurchaseDays", context.get("lifetimeDays"));
        }
        return context;
    }
}
