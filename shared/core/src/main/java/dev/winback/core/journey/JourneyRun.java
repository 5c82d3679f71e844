package dev.winback.core.journey;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's run through one journey, for one key (an order, a product line, a year).
 *
 * @param entry             which entry into this journey and key this is (1 for the first): with the
 *                          key it names the run's messages, so a re-entry sends again and a retry does not
 * @param definitionVersion the definition the run entered with (a newer one applies from the next entry)
 * @param triggeredAt       when the triggering event says it happened
 * @param stepId            the step the run waits at
 * @param stepSince         when the run reached that step (a wait-for-event counts events after it)
 * @param dueAt             when the run next needs the engine; empty while it only waits for an event
 *                          with no timeout, which cannot happen: every wait has a deadline
 * @param context           facts carried from the trigger (order id, category, catalog entry); never personal data
 */
public record JourneyRun(
        String journeyId,
        String key,
        int entry,
        int definitionVersion,
        Instant triggeredAt,
        Instant enteredAt,
        String stepId,
        Instant stepSince,
        Optional<Instant> dueAt,
        Map<String, String> context) {

    public JourneyRun {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(triggeredAt, "triggeredAt");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(stepSince, "stepSince");
        Objects.requireNonNull(dueAt, "dueAt");
        context = Map.copyOf(context);
        if (entry < 1) throw new IllegalArgumentException("entry counts from 1");
    }

    /** The run's name among the customer's runs: journey and key. */
    public String runKey() {
        return JourneyHistory.runKey(journeyId, key);
    }

    public JourneyRun at(String nextStep, Instant since, Optional<Instant> nextDue) {
        return new JourneyRun(journeyId, key, entry, definitionVersion, triggeredAt, enteredAt, nextStep, since,
                nextDue, context);
    }
}
