package dev.winback.core.evaluation;

import dev.winback.core.lifecycle.LifecyclePolicy;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.sunset.SunsetPolicies;

import java.util.Objects;

/** Every rule an evaluation applies, in one value: lifecycle and signals, channel sunsets, the playbook. */
public record EvaluationPolicy(LifecyclePolicy lifecycle, SunsetPolicies sunsets, Playbook playbook) {

    public EvaluationPolicy {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(sunsets, "sunsets");
        Objects.requireNonNull(playbook, "playbook");
    }

    public static EvaluationPolicy defaults(Playbook playbook) {
        return new EvaluationPolicy(LifecyclePolicy.defaults(), SunsetPolicies.defaults(), playbook);
    }
}
