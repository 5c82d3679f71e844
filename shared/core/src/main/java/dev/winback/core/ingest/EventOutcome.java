package dev.winback.core.ingest;

/** What happened to one accepted event. */
public enum EventOutcome {
    /** Now part of the record. */
    APPLIED,
    /** Already part of the record; nothing changed. */
    DUPLICATE,
    /** Dated further after its receipt than the {@link ArrivalWindow} allows: refused, never stored. */
    FUTURE_DATED,
    /** Its id was already applied to a different event (another type or time): refused, kept for inspection. */
    CONFLICTING_ID,
    /** Not stored because of a transient failure; the caller must retry it. */
    RETRY,
    /** Not stored, ever: the customer was erased. Acknowledged and dropped, so no event re-creates them. */
    ERASED
}
