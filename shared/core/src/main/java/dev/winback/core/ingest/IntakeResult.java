package dev.winback.core.ingest;

import java.util.List;

/** What became of one raw event handed to {@link EventIntake}. */
public sealed interface IntakeResult {

    /** The event id when the input had a readable one, else null. */
    String eventId();

    record Applied(String eventId) implements IntakeResult { }

    record Duplicate(String eventId) implements IntakeResult { }

    /** Invalid input: kept with its reasons, never retried. */
    record Rejected(String eventId, List<FieldError> errors) implements IntakeResult { }

    /**
     * The customer was erased: acknowledged and dropped, never stored, so no late event (not even an
     * unsubscribe click) brings the customer back.
     */
    record Erased(String eventId) implements IntakeResult { }

    /** A transient failure: the caller must redeliver it. */
    record Retry(String eventId) implements IntakeResult { }
}
