package dev.winback.core.ingest;

import dev.winback.core.event.EventPayload;

import java.time.Instant;

/**
 * Hears of receipts and engagement with messages as ingestion stores them, so the message they name
 * can stop waiting for its fallback. Called for redelivered events too: listeners are idempotent.
 */
public interface MessageFeedbackListener {

    MessageFeedbackListener NONE = (customerId, feedback, occurredAt) -> true;

    /** @return false when the feedback could not be taken now and its event must be retried */
    boolean heard(String customerId, EventPayload.MessageFeedback feedback, Instant occurredAt);
}
