package dev.winback.core.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is remembered of a customer's past runs of one journey and key, for re-entry and for the
 * customer's own rhythm: how often they entered, when last, and how the last run ended.
 *
 * @param lastTriggeredAt when the event that last entered them happened (the previous purchase of a
 *                        product line, for a reminder re-armed by purchases)
 * @param lastExit        empty while a run is active
 */
public record JourneyHistory(int entries, Instant lastTriggeredAt, Instant lastEnteredAt,
                             Optional<Instant> lastExit, Optional<String> lastExitReason) {

    public JourneyHistory {
        Objects.requireNonNull(lastTriggeredAt, "lastTriggeredAt");
        Objects.requireNonNull(lastEnteredAt, "lastEnteredAt");
        Objects.requireNonNull(lastExit, "lastExit");
        Objects.requireNonNull(lastExitReason, "lastExitReason");
    }

    public static String runKey(String journeyId, String key) {
        return journeyId + "|" + key;
    }
}
