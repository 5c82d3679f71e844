package dev.winback.core.feedback;

import dev.winback.core.event.EngagementEvent;

import java.util.List;

/** Applies feedback events through the same ingestion as every other event. */
@FunctionalInterface
public interface FeedbackIntake {
    /** @return true when some event could not be stored now and the notification must be retried */
    boolean applyNeedsRetry(List<EngagementEvent> events);
}
