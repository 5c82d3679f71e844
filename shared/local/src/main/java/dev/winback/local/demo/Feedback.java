package dev.winback.local.demo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Events that the engine's own decisions cause, fed back into a demo run's stream at their time:
 * a closed loop. {@link DemoRun} takes what falls due before each event of its stream and, after the
 * stream, until nothing is left.
 */
public interface Feedback {

    Feedback NONE = new Feedback() {
        @Override
        public List<String> takeUntil(Instant until) {
            return List.of();
        }

        @Override
        public Optional<Instant> next() {
            return Optional.empty();
        }

        @Override
        public void fed(Instant now) {
        }
    };

    /** Removes and returns the events (contract v1 JSON) dated at or before {@code until}, oldest first. */
    List<String> takeUntil(Instant until);

    /** When the earliest event waiting is dated. */
    Optional<Instant> next();

    /** Called after each batch was ingested and the schedules ran, with the virtual clock's time. */
    void fed(Instant now);
}
