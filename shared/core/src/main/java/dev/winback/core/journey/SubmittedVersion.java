package dev.winback.core.journey;

import java.util.List;

/**
 * A text submitted as the next version of a versioned document (the product catalog, the playbook,
 * the settings): stored under its version, not yet active, or refused with every problem found.
 */
public sealed interface SubmittedVersion {

    record Stored(int version) implements SubmittedVersion {
    }

    record Refused(List<JourneyProblem> problems) implements SubmittedVersion {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
