package dev.winback.core.guardrail;

import java.time.Instant;
import java.util.Objects;

/** A unit paused by its guardrail: why, when, and the figures that decided it. */
public record UnitPause(String unit, PauseReason reason, Instant pausedAt, GuardrailFigures figures) {

    public UnitPause {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(pausedAt, "pausedAt");
        Objects.requireNonNull(figures, "figures");
    }
}
