package dev.winback.core.delivery;

import dev.winback.core.record.SendLog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** At most {@code max} marketing messages in any rolling {@code window}. */
public record FrequencyCap(int max, Duration window) {

    public FrequencyCap {
        Objects.requireNonNull(window, "window");
        if (max < 1 || max > SendLog.CAPACITY) {
            throw new IllegalArgumentException("a cap must allow 1 to " + SendLog.CAPACITY + " messages, not " + max);
        }
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("a cap needs a positive window");
    }

    /**
     * When the cap lets one more message through, given the send times (newest first): empty when it
     * does now. Sends in (now - window, now] count; the cap frees once the max-th newest leaves the window.
     */
    public Optional<Instant> freeAt(List<Instant> newestFirst, Instant now) {
        Instant from = now.minus(window);
        int count = 0;
        for (Instant sent : newestFirst) {
            if (sent.isAfter(from) && !sent.isAfter(now)) {
                count++;
                if (count == max) return Optional.of(sent.plus(window));
            }
        }
        return Optional.empty();
    }
}
