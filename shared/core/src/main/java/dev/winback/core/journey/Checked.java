package dev.winback.core.journey;

import java.util.List;
import java.util.Objects;

/** A definition or catalog read from text: the value, or every problem found in it. */
public sealed interface Checked<T> {

    record Valid<T>(T value) implements Checked<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(List<JourneyProblem> problems) implements Checked<T> {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) throw new IllegalArgumentException("an invalid text has at least one problem");
        }
    }
}
