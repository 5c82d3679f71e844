package dev.winback.core.guardrail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit's guardrail state: paused (with why) or running, and when an operator last resumed it
 * (the guardrail then judges only exposures from that day on).
 */
public record UnitState(String unit, Optional<UnitPause> pause, Optional<Instant> resumedAt) {

    public UnitState {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(resumedAt, "resumedAt");
    }

    public boolean paused() {
        return pause.isPresent();
    }
}
