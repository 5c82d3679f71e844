package dev.winback.core.guardrail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the units' guardrail states are kept: one per unit that was ever paused. Implementations
 * throw only for infrastructure failures.
 */
public interface UnitPauses {

    UnitPauses NONE = new UnitPauses() {
        @Override
        public List<UnitState> all() {
            return List.of();
        }

        @Override
        public boolean pause(UnitPause pause) {
            return false;
        }

        @Override
        public Optional<UnitPause> resume(String unit, Instant at) {
            return Optional.empty();
        }
    };

    /** Every unit that was ever paused, paused now or resumed since. */
    List<UnitState> all();

    /** Pauses the unit unless it is paused already. @return whether this call paused it */
    boolean pause(UnitPause pause);

    /** Resumes the unit if it is paused, noting when. @return the pause it ended, empty when it was not paused */
    Optional<UnitPause> resume(String unit, Instant at);
}
