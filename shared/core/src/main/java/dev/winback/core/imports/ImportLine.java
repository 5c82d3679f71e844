package dev.winback.core.imports;

import java.util.List;

/** One line of an import file, read: the events it becomes, or why it cannot be imported. */
public sealed interface ImportLine {

    long number();

    /**
     * @param events     contract events, applied through the normal ingestion
     * @param skipped    parts of the line left out (an invalid time zone, an attribute name), the rest
     *                   imported
     * @param suppressed addresses this line put on a suppression list (no customer holds them yet)
     */
    record Mapped(long number, List<ImportedEvent> events, List<LineProblem> skipped, int suppressed)
            implements ImportLine {
        public Mapped {
            events = List.copyOf(events);
            skipped = List.copyOf(skipped);
        }

        public Mapped(long number, List<ImportedEvent> events, List<LineProblem> skipped) {
            this(number, events, skipped, 0);
        }
    }

    record Rejected(long number, String reason) implements ImportLine {
    }

    /** A blank line: counted as read, nothing else. */
    record Blank(long number) implements ImportLine {
    }
}
