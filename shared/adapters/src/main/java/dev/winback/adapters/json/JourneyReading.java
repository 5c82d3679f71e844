package dev.winback.adapters.json;

import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.JourneyProblem;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of reading a journey definition: one that passed every check, or every reason it did not. */
public sealed interface JourneyReading {

    record Valid(JourneyDefinition definition) implements JourneyReading {
        public Valid {
            Objects.requireNonNull(definition, "definition");
        }
    }

    /** @param source where the text came from, e.g. {@code classpath:winback/journeys/birthday.json} */
    record Invalid(String source, List<JourneyProblem> problems) implements JourneyReading {
        public Invalid {
            Objects.requireNonNull(source, "source");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) throw new IllegalArgumentException("an invalid journey has at least one problem");
        }

        /** One line per problem, so an operator sees everything to fix at once. */
        public String message() {
            return "journey " + source + " is invalid (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "):" + problems.stream()
                    .map(problem -> "\n  - " + problem).collect(Collectors.joining());
        }
    }
}
