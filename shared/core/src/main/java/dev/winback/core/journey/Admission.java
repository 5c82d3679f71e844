package dev.winback.core.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a trigger enters the customer into a journey for a key: re-entry by the journey's rule
 * and its history, then priority within the journey's group. A trigger older than the last one
 * that entered the same key does not enter ({@code stale}): an order arriving late must not
 * restart a reminder armed by a newer one.
 */
final class Admission {

    private final RunBook book;
    private final StepRunner steps;

    Admission(RunBook book, StepRunner steps) {
        this.book = book;
        this.steps = steps;
    }

    /** Enters the run when the rules allow, ending the runs it restarts or outranks; else notes why not. */
    void admit(JourneyDefinition definition, String key, Instant triggeredAt, Map<String, String> context) {
        Optional<JourneyHistory> history = book.history(definition.id(), key);
        Optional<JourneyRun> running = book.run(definition.id(), key);
        Optional<String> refused = book.journeys.admitsNobody(definition) ? Optional.of("paused")
                : refusal(definition, history, running, triggeredAt);
        if (refused.isEmpty()) refused = outranked(definition);
        if (refused.isPresent()) {
            book.notEntered(definition.id(), key, refused.get());
            return;
        }
        for (JourneyRun lower : lowerInGroup(definition)) book.exit(lower, "outranked");
        running.ifPresent(run -> book.exit(run, "restarted"));
        int entry = history.map(JourneyHistory::entries).orElse(0) + 1;
        JourneyRun fresh = new JourneyRun(definition.id(), key, entry, definition.version(), triggeredAt, book.now,
                definition.firstStep(), book.now, Optional.of(book.now), context);
        book.enter(steps.arrive(definition, fresh, definition.firstStep(), book.now));
    }

    private Optional<String> refusal(JourneyDefinition definition, Optional<JourneyHistory> history,
                                     Optional<JourneyRun> running, Instant triggeredAt) {
        if (history.isPresent() && triggeredAt.isBefore(history.get().lastTriggeredAt())) return Optional.of("stale");
        Reentry reentry = definition.reentry();
        return switch (reentry.kind()) {
            case ONCE -> history.isPresent() || running.isPresent() ? Optional.of("once") : Optional.empty();
            case AFTER_EXIT -> running.isPresent() ? Optional.of("already_in") : Optional.empty();
            case AFTER_COOLDOWN -> {
                if (running.isPresent()) yield Optional.of("already_in");
                boolean cooling = history.map(h -> book.now.isBefore(h.lastEnteredAt().plus(reentry.cooldown())))
                        .orElse(false);
                yield cooling ? Optional.of("cooldown") : Optional.empty();
            }
            case RESTART -> Optional.empty();
        };
    }

    /** {@code outranked} when another journey of the group runs at no lower priority. */
    private Optional<String> outranked(JourneyDefinition definition) {
        for (JourneyRun other : othersInGroup(definition)) {
            JourneyDefinition theirs = book.journeys.get(other.journeyId()).orElseThrow();
            if (theirs.priority() >= definition.priority()) return Optional.of("outranked");
        }
        return Optional.empty();
    }

    private List<JourneyRun> lowerInGroup(JourneyDefinition definition) {
        List<JourneyRun> lower = new ArrayList<>();
        for (JourneyRun other : othersInGroup(definition)) {
            if (book.journeys.get(other.journeyId()).orElseThrow().priority() < definition.priority()) lower.add(other);
        }
        return lower;
    }

    /** Runs of other active journeys in the definition's priority group. */
    private List<JourneyRun> othersInGroup(JourneyDefinition definition) {
        if (definition.priorityGroup().isEmpty()) return List.of();
        List<JourneyRun> others = new ArrayList<>();
        for (JourneyRun run : book.runs()) {
            if (run.journeyId().equals(definition.id())) continue;
            book.journeys.get(run.journeyId())
                    .filter(theirs -> theirs.priorityGroup().equals(definition.priorityGroup()))
                    .ifPresent(theirs -> others.add(run));
        }
        return others;
    }
}
