package dev.winback.core.ingest;

import dev.winback.core.event.EngagementEvent;
import java.util.List;
import java.util.Objects;

/** What came of reading one event: the domain event, or every reason it was refused. */
public sealed interface ParseResult {

    record Parsed(EngagementEvent event) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * @param eventId the event's id when it was present and well-formed (useful to correlate a
     *                rejection with the sender's records), otherwise null
     * @param errors  at least one error, in document order; at most {@link FieldError#MAX_LISTED}
     *                (any beyond are moved to {@code omitted})
     * @param omitted how many more errors the event had
     */
    record Invalid(String eventId, List<FieldError> errors, int omitted) implements ParseResult {
        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid event needs at least one error");
            }
            if (omitted < 0) {
                throw new IllegalArgumentException("omitted must not be negative");
            }
            if (errors.size() > FieldError.MAX_LISTED) {
                omitted += errors.size() - FieldError.MAX_LISTED;
                errors = errors.subList(0, FieldError.MAX_LISTED);
            }
            errors = List.copyOf(errors);
        }

        public Invalid(String eventId, List<FieldError> errors) {
            this(eventId, errors, 0);
        }

        public static Invalid of(FieldError error) {
            return new Invalid(null, List.of(error));
        }

        /** Every error the event had, listed or not. */
        public int errorCount() {
            return errors.size() + omitted;
        }

        /** The same rejection seen from an enclosing document, e.g. {@code detail}. */
        public Invalid under(String parent) {
            return new Invalid(eventId, errors.stream().map(e -> e.under(parent)).toList(), omitted);
        }
    }
}
