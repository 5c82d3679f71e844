package dev.winback.core.template;

import java.util.Objects;

/**
 * One thing wrong with a template set, where it is ({@code files.email.de.html}) and what is wrong.
 * A set with any problem is refused whole, and every problem is listed at once.
 */
public record TemplateProblem(String where, String problem) {

    public TemplateProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return where + ": " + problem;
    }
}
