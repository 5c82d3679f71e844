package dev.winback.core.imports;

/**
 * Why a line, or a part of it, was not imported: the field and what it must be, never the value
 * (import files hold addresses).
 *
 * @param line 1-based line number in the file (a CSV's header is line 1)
 */
public record LineProblem(long line, String reason) {
}
