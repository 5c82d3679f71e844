package dev.winback.core.event;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Local hours without interrupting messages, from {@code start} (inclusive) to {@code end}
 * (exclusive); the window may cross midnight (21:00 to 08:00). Equal ends mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) implements Comparable<QuietHours> {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean isNone() {
        return start.equals(end);
    }

    /** Whether a local time of day falls inside the window. */
    public boolean contains(LocalTime time) {
        if (isNone()) return false;
        if (start.isBefore(end)) return !time.isBefore(start) && time.isBefore(end);
        return !time.isBefore(start) || time.isBefore(end);
    }

    @Override
    public int compareTo(QuietHours other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }
}
