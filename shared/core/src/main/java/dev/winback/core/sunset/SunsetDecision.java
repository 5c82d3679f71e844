package dev.winback.core.sunset;

import dev.winback.core.record.SunsetState;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating one channel's sunset: the state to store, the action to take now if
 * any, when to look again if nothing else happens, and why, in words without personal data.
 */
public record SunsetDecision(SunsetState next, Optional<SunsetAction> action, Optional<Deadline> deadline,
                             String explanation) {

    public SunsetDecision {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(explanation, "explanation");
    }

    static SunsetDecision stay(SunsetState current, Optional<Deadline> deadline, String explanation) {
        return new SunsetDecision(current, Optional.empty(), deadline, explanation);
    }

    static SunsetDecision move(SunsetState next, SunsetAction action, Optional<Deadline> deadline,
                               String explanation) {
        return new SunsetDecision(next, Optional.of(action), deadline, explanation);
    }
}
