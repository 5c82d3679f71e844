package dev.winback.core.evaluation;

import dev.winback.core.model.PurchaseModels;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EngagementStore;

import java.util.Optional;

/**
 * What Winback knows of one customer: the engagement record and its last evaluation, worded again
 * (signals with their explanations, the next deadline with its reason) as the evaluator worded them.
 */
public final class ShowCustomer {

    /** @param words the evaluation's words; empty when never evaluated, or when wording it again failed */
    public record Shown(EngagementRecord record, Optional<EvaluationReport> words) {
    }

    private final EngagementStore store;
    private final EvaluationPolicies policies;
    private final PurchaseModels models;
    private final Warnings warnings;

    public ShowCustomer(EngagementStore store, EvaluationPolicy policy, PurchaseModels models, Warnings warnings) {
        this(store, EvaluationPolicies.constant(policy), models, warnings);
    }

    /** @param policies the rules the evaluations are worded with, asked per customer shown */
    public ShowCustomer(EngagementStore store, EvaluationPolicies policies, PurchaseModels models, Warnings warnings) {
        this.store = store;
        this.policies = policies;
        this.models = models;
        this.warnings = warnings;
    }

    /** Empty for a customer never stored, or erased. */
    public Optional<Shown> show(String customerId) {
        return store.read(customerId).map(stored -> new Shown(stored.record(), words(stored.record())));
    }

    /** The record is still shown when its evaluation cannot be worded again (a playbook that changed shape). */
    private Optional<EvaluationReport> words(EngagementRecord record) {
        try {
            return EvaluationReport.of(record, policies.evaluation(), models.current());
        } catch (RuntimeException e) {
            warnings.warn("wording a stored evaluation failed; serving it without explanations", e);
            return Optional.empty();
        }
    }
}
