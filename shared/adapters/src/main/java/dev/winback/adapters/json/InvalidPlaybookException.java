package dev.winback.adapters.json;

import dev.winback.core.playbook.PlaybookProblem;

import java.util.List;

/** A playbook that cannot be used: the engine must not start with it. */
public final class InvalidPlaybookException extends RuntimeException {

    private final transient List<PlaybookProblem> problems;

    InvalidPlaybookException(PlaybookReading.Invalid invalid) {
        super(invalid.message());
        this.problems = invalid.problems();
    }

    public List<PlaybookProblem> problems() {
        return problems;
    }
}
