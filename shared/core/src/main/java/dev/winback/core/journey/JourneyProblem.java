package dev.winback.core.journey;

import java.util.Objects;

/**
 * One thing wrong with a definition, where it is ({@code steps.review-ask.next}) and what is wrong.
 * A definition with any problem is refused whole, and every problem is listed at once.
 */
public record JourneyProblem(String where, String problem) {

    public JourneyProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return where + ": " + problem;
    }
}
