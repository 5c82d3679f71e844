package dev.winback.core.preferences;

import java.time.LocalDate;
import java.util.Objects;

/** What the customer chose about pausing marketing. */
public sealed interface PauseChoice {

    /** No marketing through this local date; it resumes at the start of the next day in their zone. */
    record Until(LocalDate lastDay) implements PauseChoice {
        public Until {
            Objects.requireNonNull(lastDay, "lastDay");
        }
    }

    /** End a pause now. */
    record ResumeNow() implements PauseChoice {
    }
}
