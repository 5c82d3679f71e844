package dev.winback.core.guardrail;

import dev.winback.core.observe.Warnings;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator resumes a paused unit: it decides again within a minute, and its guardrail judges
 * only exposures from the day of the resumption on, after the minimum number of decisions again,
 * so the figures that paused it do not pause it again at once.
 */
public final class ResumeUnit {

    public sealed interface Result {
        record Resumed(UnitPause ended, Instant at) implements Result {
        }

        record NotPaused(String unit) implements Result {
        }
    }

    private final UnitPauses pauses;
    private final GuardrailEvents events;
    private final Runnable changed;
    private final Clock clock;
    private final Warnings warnings;

    /** @param changed told after a resumption, so this process reads the paused units again at once */
    public ResumeUnit(UnitPauses pauses, GuardrailEvents events, Runnable changed, Clock clock, Warnings warnings) {
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.events = Objects.requireNonNull(events, "events");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    public Result resume(String unit) {
        Instant now = clock.instant();
        Optional<UnitPause> ended = pauses.resume(unit, now);
        if (ended.isEmpty()) return new Result.NotPaused(unit);
        changed.run();
        try {
            events.resumed(ended.get(), now);
        } catch (RuntimeException e) {
            warnings.warn("announcing the resumption of " + unit + " failed; it is resumed all the same", e);
        }
        return new Result.Resumed(ended.get(), now);
    }
}
