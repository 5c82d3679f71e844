package dev.winback.core.record;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the evaluator last concluded about one customer, kept in the engagement record. Only the
 * evaluator writes it; events carry it over unchanged. It is stored compactly: signal explanations
 * and the deadline's reason are worded again on read (detection is pure and deterministic), so
 * the record stays small.
 */
public sealed interface Evaluation {

    /** A record the evaluator has not looked at yet. */
    Evaluation NONE = new NotEvaluated();

    /** The signals that held at the last evaluation, each with what was requested for it. */
    List<EvaluatedSignal> signals();

    /** The sunset state of each channel that is not simply active. */
    ChannelSunsets sunsets();

    /** The episode of risk the customer is in, if any, with the win-back campaigns requested in it. */
    Optional<RiskEpisode> episode();

    default Optional<EvaluatedSignal> signal(SignalType type, String subject) {
        return signals().stream().filter(s -> s.type() == type && s.subject().equals(subject)).findFirst();
    }

    record NotEvaluated() implements Evaluation {
        @Override
        public List<EvaluatedSignal> signals() {
            return List.of();
        }

        @Override
        public ChannelSunsets sunsets() {
            return ChannelSunsets.NONE;
        }

        @Override
        public Optional<RiskEpisode> episode() {
            return Optional.empty();
        }
    }

    /**
     * @param state       the lifecycle state at {@code evaluatedAt}
     * @param since       when that state began
     * @param score       the risk score at {@code evaluatedAt}, for ranking
     * @param signals     in detection order (by type, then subject); at most one per type and subject
     * @param sunsets     per channel; channels left out are active
     * @param evaluatedAt the instant evaluated (the run's time, not when an event happened)
     * @param next        the next deadline, when the timer is armed; empty when nothing changes without an
     *                    event. Its reason is worded again on read ({@link dev.winback.core.evaluation.EvaluationReport})
     * @param episode     the episode of risk, while one is open
     */
    record Evaluated(RiskState state, Instant since, double score, List<EvaluatedSignal> signals,
                     ChannelSunsets sunsets, Instant evaluatedAt, Optional<Instant> next,
                     Optional<RiskEpisode> episode) implements Evaluation {

        /** Outside any episode of risk. */
        public Evaluated(RiskState state, Instant since, double score, List<EvaluatedSignal> signals,
                         ChannelSunsets sunsets, Instant evaluatedAt, Optional<Instant> next) {
            this(state, since, score, signals, sunsets, evaluatedAt, next, Optional.empty());
        }

        public Evaluated {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(sunsets, "sunsets");
            Objects.requireNonNull(evaluatedAt, "evaluatedAt");
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(episode, "episode");
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be in [0, 1], was " + score);
            }
            signals = List.copyOf(signals);
            Set<String> names = new HashSet<>();
            for (EvaluatedSignal signal : signals) {
                if (!names.add(signal.type() + "/" + signal.subject())) {
                    throw new IllegalArgumentException("two signals " + signal.type() + " about \"" + signal.subject() + "\"");
                }
            }
        }
    }
}
