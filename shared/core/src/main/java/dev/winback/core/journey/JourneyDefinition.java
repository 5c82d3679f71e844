package dev.winback.core.journey;

import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a journey as an operator wrote it. A definition is data: it is checked by
 * {@link JourneyCheck} before it may run, and the engine trusts only checked ones.
 *
 * @param id            stable name, part of every message key the journey sends (lower kebab case)
 * @param version       the definition's version; runs keep the version they entered with
 * @param purpose       transactional journeys are never held out and pass marketing opt-outs
 * @param category      the preference-centre category; muting it ends the journey's runs
 * @param priorityGroup runs of journeys in one group exclude each other; empty for none
 * @param priority      within a group the higher priority wins: entering it ends a lower one's run
 * @param firstStep     where a new run starts
 * @param steps         by id, in the order written
 * @param exitOn        events that end a run wherever it is (a conversion, a review)
 */
public record JourneyDefinition(
        String id,
        int version,
        String name,
        Purpose purpose,
        MessageCategory category,
        Optional<String> priorityGroup,
        int priority,
        Trigger trigger,
        String firstStep,
        Map<String, Step> steps,
        List<EventMatch> exitOn,
        Reentry reentry,
        String note) {

    public JourneyDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
        Purpose.requireOfMessages(purpose);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priorityGroup, "priorityGroup");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(firstStep, "firstStep");
        Objects.requireNonNull(reentry, "reentry");
        Objects.requireNonNull(note, "note");
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        exitOn = List.copyOf(exitOn);
    }

    public Optional<Step> step(String stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }
}
