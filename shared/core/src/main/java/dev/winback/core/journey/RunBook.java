package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One engine call's working copy of a customer's journeys: runs, history and timers change here,
 * and every change is noted as a transition, so entering, exiting and sending keep history and
 * transitions in step. Runs are kept in definition order, then key order, so that the same inputs
 * give the same output.
 */
final class RunBook {

    /** How long the history of an ended run is kept for re-entry and rhythm. */
    static final Duration HISTORY_KEPT = Duration.ofDays(400);
    /**
     * At most this many ended runs are remembered per journey (the latest): a journey keyed by
     * order must not grow the item without bound for a customer who orders every day.
     */
    static final int HISTORY_PER_JOURNEY = 24;

    final ActiveJourneys journeys;
    final Instant now;
    private final String customerId;
    private final List<JourneyRun> runs;
    private final Map<String, JourneyHistory> history;
    final Map<String, Instant> annual;
    private final List<String> seen;
    private final List<DeliveryRequest> unpublished;
    private final List<DeliveryRequest> sends = new ArrayList<>();
    private final List<JourneyTransition> transitions = new ArrayList<>();

    RunBook(CustomerJourneys state, ActiveJourneys journeys, Instant now) {
        this.journeys = journeys;
        this.now = now;
        this.customerId = state.customerId();
        this.runs = new ArrayList<>(state.runs());
        this.history = new HashMap<>(state.history());
        this.annual = new HashMap<>(state.annual());
        this.seen = new ArrayList<>(state.seenEvents());
        this.unpublished = new ArrayList<>(state.unpublished());
    }

    String customerId() {
        return customerId;
    }

    /** A snapshot of the runs, in definition order then key order. */
    List<JourneyRun> runs() {
        List<JourneyRun> ordered = new ArrayList<>(runs);
        ordered.sort(runOrder());
        return ordered;
    }

    Optional<JourneyRun> run(String journeyId, String key) {
        return runs.stream().filter(r -> r.journeyId().equals(journeyId) && r.key().equals(key)).findFirst();
    }

    boolean holds(JourneyRun run) {
        return runs.contains(run);
    }

    Optional<JourneyHistory> history(String journeyId, String key) {
        return Optional.ofNullable(history.get(JourneyHistory.runKey(journeyId, key)));
    }

    boolean seen(String eventId) {
        return seen.contains(eventId);
    }

    void markSeen(String eventId) {
        seen.add(eventId);
        while (seen.size() > CustomerJourneys.SEEN_EVENTS) seen.removeFirst();
    }

    /** A run moved on: same journey and key, another step. */
    void replace(JourneyRun moved) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).runKey().equals(moved.runKey())) {
                runs.set(i, moved);
                return;
            }
        }
        throw new IllegalStateException("no run " + moved.runKey() + " to move");
    }

    void enter(JourneyRun run) {
        runs.add(run);
        history.put(run.runKey(), new JourneyHistory(run.entry(), run.triggeredAt(), run.enteredAt(),
                Optional.empty(), Optional.empty()));
        transitions.add(new JourneyTransition.Entered(run.journeyId(), run.key(), run.entry()));
    }

    void notEntered(String journeyId, String key, String reason) {
        transitions.add(new JourneyTransition.NotEntered(journeyId, key, reason));
    }

    void exit(JourneyRun run, String reason) {
        runs.removeIf(r -> r.runKey().equals(run.runKey()));
        JourneyHistory before = history.get(run.runKey());
        int entries = before == null ? run.entry() : before.entries();
        Instant triggered = before == null ? run.triggeredAt() : before.lastTriggeredAt();
        Instant entered = before == null ? run.enteredAt() : before.lastEnteredAt();
        history.put(run.runKey(), new JourneyHistory(entries, triggered, entered, Optional.of(now), Optional.of(reason)));
        transitions.add(new JourneyTransition.Exited(run.journeyId(), run.key(), reason));
    }

    void send(JourneyRun run, String stepId, DeliveryRequest request) {
        sends.add(request);
        unpublished.add(request);
        transitions.add(new JourneyTransition.Sent(run.journeyId(), run.key(), stepId, request.key()));
    }

    List<DeliveryRequest> sends() {
        return List.copyOf(sends);
    }

    List<JourneyTransition> transitions() {
        return List.copyOf(transitions);
    }

    /** The state to store: runs in order, and the history of runs ended long ago forgotten. */
    CustomerJourneys result() {
        Instant forgetBefore = now.minus(HISTORY_KEPT);
        Map<String, JourneyHistory> kept = new HashMap<>(history);
        kept.values().removeIf(h -> h.lastExit().map(exit -> exit.isBefore(forgetBefore)).orElse(false));
        Map<String, List<Map.Entry<String, JourneyHistory>>> ended = new HashMap<>();
        for (Map.Entry<String, JourneyHistory> entry : kept.entrySet()) {
            if (entry.getValue().lastExit().isEmpty()) continue;
            String journeyId = entry.getKey().substring(0, entry.getKey().indexOf('|'));
            ended.computeIfAbsent(journeyId, id -> new ArrayList<>()).add(entry);
        }
        for (List<Map.Entry<String, JourneyHistory>> journey : ended.values()) {
            if (journey.size() <= HISTORY_PER_JOURNEY) continue;
            journey.sort(Comparator.comparing((Map.Entry<String, JourneyHistory> e) -> e.getValue().lastExit().orElseThrow())
                    .reversed().thenComparing(Map.Entry::getKey));
            journey.subList(HISTORY_PER_JOURNEY, journey.size()).forEach(e -> kept.remove(e.getKey()));
        }
        return new CustomerJourneys(customerId, runs(), kept, annual, seen, unpublished);
    }

    private Comparator<JourneyRun> runOrder() {
        List<String> order = new ArrayList<>(journeys.definitions().keySet());
        return Comparator.<JourneyRun>comparingInt(r -> {
                    int index = order.indexOf(r.journeyId());
                    return index < 0 ? Integer.MAX_VALUE : index;
                })
                .thenComparing(JourneyRun::journeyId)
                .thenComparing(JourneyRun::key);
    }
}
