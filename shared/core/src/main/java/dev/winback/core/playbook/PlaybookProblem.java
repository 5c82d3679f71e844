package dev.winback.core.playbook;

import java.util.Objects;

/**
 * One reason a playbook is refused. {@code where} is a path into the playbook, such as
 * {@code rules[3].actions[0].campaign}, or {@code rules} for the playbook as a whole.
 */
public record PlaybookProblem(String where, String problem) {

    public PlaybookProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return where + ": " + problem;
    }
}
