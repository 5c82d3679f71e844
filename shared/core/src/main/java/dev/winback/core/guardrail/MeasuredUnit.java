package dev.winback.core.guardrail;

import java.util.Objects;

/**
 * A unit outcomes are measured by: a playbook campaign or a journey. A transactional one (every
 * message of it transactional) is never paused: order confirmations are owed, not marketing.
 */
public record MeasuredUnit(String id, boolean transactional) {

    public MeasuredUnit {
        Objects.requireNonNull(id, "id");
    }
}
