package dev.winback.core.guardrail;

import java.util.Optional;

/**
 * Whether a unit's figures pause it under a policy. Nothing pauses while the guardrails are off,
 * before the minimum number of decisions, or for a transactional unit. Then, in this order: a lift
 * whose 95% interval lies entirely below zero, complaints per message above the rate, unsubscribes
 * per message above the rate. Pure.
 */
public final class GuardrailJudge {

    private GuardrailJudge() {
    }

    public static Optional<PauseReason> judge(MeasuredUnit unit, GuardrailFigures figures, GuardrailPolicy policy) {
        if (!policy.enabled() || unit.transactional() || figures.decisions() < policy.minimumDecisions()) {
            return Optional.empty();
        }
        if (figures.treated() > 0 && figures.holdout() > 0 && figures.liftUpper() < 0) {
            return Optional.of(PauseReason.NEGATIVE_LIFT);
        }
        if (figures.messages() > 0 && figures.complaintRate() > policy.complaintRate()) {
            return Optional.of(PauseReason.COMPLAINT_RATE);
        }
        if (figures.messages() > 0 && figures.unsubscribeRate() > policy.unsubscribeRate()) {
            return Optional.of(PauseReason.UNSUBSCRIBE_RATE);
        }
        return Optional.empty();
    }
}
