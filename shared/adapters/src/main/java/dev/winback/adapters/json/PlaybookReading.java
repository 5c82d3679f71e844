package dev.winback.adapters.json;

import dev.winback.core.playbook.Playbook;
import dev.winback.core.playbook.PlaybookProblem;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of reading a playbook: one that passed every check, or every reason it did not. */
public sealed interface PlaybookReading {

    record Valid(Playbook playbook) implements PlaybookReading {
        public Valid {
            Objects.requireNonNull(playbook, "playbook");
        }
    }

    /** @param source where the text came from, e.g. {@code classpath:winback/playbook.json} */
    record Invalid(String source, List<PlaybookProblem> problems) implements PlaybookReading {
        public Invalid {
            Objects.requireNonNull(source, "source");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) throw new IllegalArgumentException("an invalid playbook has at least one problem");
        }

        /** One line per problem, so a failed deployment or build says everything to fix at once. */
        public String message() {
            return "playbook " + source + " is invalid (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "):" + problems.stream()
                    .map(problem -> "\n  - " + problem).collect(Collectors.joining());
        }
    }
}
