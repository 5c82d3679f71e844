package dev.winback.core.lifecycle;

import dev.winback.core.record.RiskState;
import dev.winback.core.record.SignalType;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a customer stands at an instant.
 *
 * @param state        the lifecycle state
 * @param since        when that state began, as far as the record can tell (see {@link RiskState})
 * @param score        risk in [0, 1], for ranking (see {@link RiskScore})
 * @param signals      the types of the signals that hold, as flags
 * @param nextDeadline when the state or the signals next change with no new event; empty if never
 */
public record RiskAssessment(RiskState state, Instant since, double score, Set<SignalType> signals,
                             Optional<Deadline> nextDeadline) {

    public RiskAssessment {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(nextDeadline, "nextDeadline");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        signals = Collections.unmodifiableSet(signals.isEmpty() ? EnumSet.noneOf(SignalType.class) : EnumSet.copyOf(signals));
    }

    public boolean has(SignalType type) {
        return signals.contains(type);
    }
}
