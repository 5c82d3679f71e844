package dev.winback.local.runtime.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local runtime's notion of "now": stands still until told to move, so days of customer
 * behaviour can pass in seconds. Thread-safe.
 *
 * <p>Time only moves forward through {@link #advance} and {@link #advanceTo}. {@link #set} is the one
 * explicit way back: it places the clock anywhere, earlier included, because replaying a period is
 * a legitimate local action. Anything that remembers past times (schedules) simply waits until the
 * clock passes them again.
 */
public final class VirtualClock extends Clock {

    private final AtomicReference<Instant> now;

    public VirtualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that shares this clock's time; moving either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        return new ZonedView(this, zone);
    }

    /** Places the clock at {@code instant}, earlier than now included. Returns the new time. */
    public Instant set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return instant;
    }

    /** Moves the clock forward by {@code duration} (zero allowed, negative refused). Returns the new time. */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the virtual clock only advances; use set(...) to go back: " + duration);
        }
        return now.updateAndGet(current -> current.plus(duration));
    }

    /** Moves the clock to {@code instant} if that is later than now, otherwise leaves it. Returns the new time. */
    public Instant advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return now.accumulateAndGet(instant, (current, candidate) -> candidate.isAfter(current) ? candidate : current);
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now.get() + "]";
    }

    private static final class ZonedView extends Clock {
        private final VirtualClock source;
        private final ZoneId zone;

        ZonedView(VirtualClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return source.withZone(other);
        }
    }
}
