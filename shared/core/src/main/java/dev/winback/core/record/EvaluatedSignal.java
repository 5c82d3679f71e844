package dev.winback.core.record;


import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One signal as the evaluator saw and acted on it.
 *
 * <p>Type and subject name the occurrence while it lasts. {@code since} is when it became true as
 * first noticed, and stays so while the signal keeps holding: a refitted purchase model, or a send
 * history that rolls over, can move the start a detector reports, but it is still the same lapse,
 * and acting on it again would send a second message for one transition.
 *
 * @param actionKeys the idempotency keys of the actions requested for this occurrence (at most
 *                   {@link #MAX_ACTION_KEYS}; a rule has fewer actions)
 */
public record EvaluatedSignal(SignalType type, String subject, Strength strength, Instant since,
                              List<String> actionKeys) {

    public static final int MAX_ACTION_KEYS = 4;

    public EvaluatedSignal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(since, "since");
        actionKeys = List.copyOf(actionKeys.size() > MAX_ACTION_KEYS ? actionKeys.subList(0, MAX_ACTION_KEYS) : actionKeys);
    }

    /** The same occurrence seen again: its start and its actions stay, its strength is today's. */
    public EvaluatedSignal seenAgain(Strength today) {
        return new EvaluatedSignal(type, subject, today, since, actionKeys);
    }

    /** Whether this is the occurrence a detector names by this type and subject. */
    public boolean sameOccurrenceAs(SignalType otherType, String otherSubject) {
        return type == otherType && subject.equals(otherSubject);
    }
}
