package dev.winback.core.journey;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a trigger may enter a customer again into a journey (for the same key) they were in.
 *
 * @param cooldown for {@link Kind#AFTER_COOLDOWN}: the least time between two entries
 */
public record Reentry(Kind kind, Duration cooldown) {

    public enum Kind {
        /** Never again for the same key. */
        ONCE,
        /** Again once the previous run has ended. */
        AFTER_EXIT,
        /** Again once the previous run has ended and {@code cooldown} has passed since it was entered. */
        AFTER_COOLDOWN,
        /** Each trigger ends a running run (reason {@code restarted}) and starts afresh: re-armed reminders. */
        RESTART;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Reentry ONCE = new Reentry(Kind.ONCE, Duration.ZERO);
    public static final Reentry AFTER_EXIT = new Reentry(Kind.AFTER_EXIT, Duration.ZERO);
    public static final Reentry RESTART = new Reentry(Kind.RESTART, Duration.ZERO);

    public Reentry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative()) throw new IllegalArgumentException("cooldown must not be negative");
    }
}
