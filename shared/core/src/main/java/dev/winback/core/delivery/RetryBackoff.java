package dev.winback.core.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * When an attempt that sent nothing (throttled, or undone because the record changed) is tried
 * again if no queue message comes first: the timer doubles from a minute up to an hour, and never
 * runs past the message's expiry (then it fires once more, and the message stops as expired).
 */
final class RetryBackoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(1);

    private RetryBackoff() {
    }

    static Instant retryAt(LedgerEntry entry, Instant now) {
        int doublings = Math.min(entry.retries(), 6);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        if (wait.compareTo(LONGEST) > 0) wait = LONGEST;
        Instant at = now.plus(wait);
        return at.isAfter(entry.request().expiresAt()) ? entry.request().expiresAt() : at;
    }
}
