package dev.winback.adapters.json;

import dev.winback.core.ingest.FieldError;
import dev.winback.core.ingest.ParseResult;
import dev.winback.core.event.EngagementEvent;
import java.util.ArrayList;
import java.util.List;

/** What came of reading a {@code POST /v1/events} body. */
public sealed interface EventsRequestResult {

    /** The body was sound; {@code results.get(i)} is the fate of {@code events[i]}. */
    record Events(List<ParseResult> results) implements EventsRequestResult {
        public Events {
            results = List.copyOf(results);
        }

        public List<EngagementEvent> accepted() {
            List<EngagementEvent> accepted = new ArrayList<>();
            for (ParseResult result : results) {
                switch (result) {
                    case ParseResult.Parsed parsed -> accepted.add(parsed.event());
                    case ParseResult.Invalid invalid -> { }
                }
            }
            return List.copyOf(accepted);
        }

        /** Every refused event's errors, with paths from the body such as {@code events[3].properties.amount}. */
        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                switch (results.get(i)) {
                    case ParseResult.Parsed parsed -> { }
                    case ParseResult.Invalid invalid -> {
                        String parent = FieldReader.element(EventsRequestParser.EVENTS, i);
                        invalid.errors().forEach(error -> errors.add(error.under(parent)));
                    }
                }
            }
            return List.copyOf(errors);
        }
    }

    /**
     * The body as a whole is unusable (not JSON, no events, too many); no event was read.
     * {@code errors} lists at most {@link FieldError#MAX_LISTED}; {@code omitted} counts the rest.
     */
    record BodyInvalid(List<FieldError> errors, int omitted) implements EventsRequestResult {
        public BodyInvalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid body needs at least one error");
            }
        }

        public BodyInvalid(List<FieldError> errors) {
            this(errors, 0);
        }
    }
}
