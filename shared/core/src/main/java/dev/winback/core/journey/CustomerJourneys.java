package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryRequest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything about one customer's journeys, in one small item: the runs in progress, the history
 * re-entry needs, the annual triggers armed, the ids of events already taken (redelivery changes
 * nothing) and the messages decided but not yet handed to delivery. One item per customer makes
 * priority groups exact: entering one journey and ending another is one conditional write.
 *
 * @param runs        runs in progress
 * @param history     by {@link JourneyHistory#runKey}; bounded by the engine (old exits are forgotten)
 * @param annual      by journey id: when the customer next enters an annual journey
 * @param seenEvents  ids of the latest events taken, newest last (bounded)
 * @param unpublished messages decided by a step and not yet accepted by the delivery queue
 */
public record CustomerJourneys(
        String customerId,
        List<JourneyRun> runs,
        Map<String, JourneyHistory> history,
        Map<String, Instant> annual,
        List<String> seenEvents,
        List<DeliveryRequest> unpublished) {

    public static final int SEEN_EVENTS = 64;

    public CustomerJourneys {
        Objects.requireNonNull(customerId, "customerId");
        runs = List.copyOf(runs);
        history = Map.copyOf(history);
        annual = Map.copyOf(annual);
        seenEvents = List.copyOf(seenEvents);
        unpublished = List.copyOf(unpublished);
    }

    public static CustomerJourneys empty(String customerId) {
        return new CustomerJourneys(customerId, List.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    public Optional<JourneyRun> run(String journeyId, String key) {
        return runs.stream().filter(r -> r.journeyId().equals(journeyId) && r.key().equals(key)).findFirst();
    }

    /**
     * When the engine must next look at this customer: the earliest run deadline or annual trigger.
     * Unpublished messages are the caller's to retry (it arms a lease), not a deadline.
     */
    public Optional<Instant> nextDue() {
        return Stream.concat(
                        runs.stream().flatMap(r -> r.dueAt().stream()),
                        annual.values().stream())
                .min(Comparator.naturalOrder());
    }

    public boolean isEmpty() {
        return runs.isEmpty() && history.isEmpty() && annual.isEmpty() && seenEvents.isEmpty() && unpublished.isEmpty();
    }
}
