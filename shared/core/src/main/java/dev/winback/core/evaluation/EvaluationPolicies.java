package dev.winback.core.evaluation;

/**
 * Where a use case gets the evaluation rules it applies, asked once per run or record: the rules an
 * operator activates reach it without a restart. Throws when no rules could be read yet (the
 * caller's run fails and is retried), never hands out defaults in their place.
 */
public interface EvaluationPolicies {

    EvaluationPolicy evaluation();

    /** Always the same rules (tests, tools, the constructors that take a plain policy). */
    static EvaluationPolicies constant(EvaluationPolicy policy) {
        return () -> policy;
    }
}
