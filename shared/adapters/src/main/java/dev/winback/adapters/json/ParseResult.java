package dev.winback.adapters.json;

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
     * @param errors  at least one error, in document order
     */
    record Invalid(String eventId, List<FieldError> errors) implements ParseResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid event needs at least one error");
            }
        }

        static Invalid of(FieldError error) {
            return new Invalid(null, List.of(error));
        }

        /** The same rejection seen from an enclosing document, e.g. {@code detail}. */
        Invalid under(String parent) {
            return new Invalid(eventId, errors.stream().map(e -> e.under(parent)).toList());
        }
    }
}
