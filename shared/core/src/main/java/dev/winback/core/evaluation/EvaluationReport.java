package dev.winback.core.evaluation;

import dev.winback.core.lifecycle.Deadline;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;
import dev.winback.core.signal.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored evaluation with its words: each signal's explanation and the next deadline's reason,
 * worded again from the record by evaluating once more at the instant it was evaluated (detection
 * is pure, so the words are the ones the evaluator had). Events that arrived since may have
 * changed the record; what they changed is then said to await the next evaluation rather than
 * explained with facts the evaluator did not see.
 */
public record EvaluationReport(Evaluation.Evaluated evaluation, List<ExplainedSignal> signals,
                               Optional<Deadline> next) {

    static final String SIGNAL_CHANGED = "changed since this evaluation by newer events; the next evaluation re-words it";
    static final String DEADLINE_CHANGED = "armed at this evaluation; newer events are weighed at the next one";

    public record ExplainedSignal(EvaluatedSignal signal, String explanation) {
        public ExplainedSignal {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    public EvaluationReport {
        Objects.requireNonNull(evaluation, "evaluation");
        signals = List.copyOf(signals);
        Objects.requireNonNull(next, "next");
    }

    /** Empty for a record never evaluated. */
    public static Optional<EvaluationReport> of(EngagementRecord record, EvaluationPolicy policy, PurchaseModel model) {
        if (!(record.evaluation() instanceof Evaluation.Evaluated evaluated)) return Optional.empty();
        Evaluator.Outcome again = Evaluator.evaluate(record, evaluated.evaluatedAt(), policy, model);
        List<ExplainedSignal> explained = new ArrayList<>();
        for (EvaluatedSignal signal : evaluated.signals()) {
            String words = again.signals().stream().filter(s -> signal.sameOccurrenceAs(s.type(), s.subject())).findFirst()
                    .map(Signal::explanation).orElse(SIGNAL_CHANGED);
            explained.add(new ExplainedSignal(signal, words));
        }
        Optional<Deadline> next = evaluated.next().map(at -> again.next()
                .filter(deadline -> DueTimes.roundUp(deadline.at()).equals(DueTimes.roundUp(at)))
                .map(deadline -> new Deadline(at, deadline.reason()))
                .orElse(new Deadline(at, DEADLINE_CHANGED)));
        return Optional.of(new EvaluationReport(evaluated, explained, next));
    }
}
