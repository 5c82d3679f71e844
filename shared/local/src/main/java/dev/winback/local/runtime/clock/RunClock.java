package dev.winback.local.runtime.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The clock of the scheduled functions and what they set off (delivery): the virtual clock's time,
 * except while a tick runs a firing that fell due earlier, when it shows that firing's time. Setting
 * it never moves the virtual clock, so requests and ingest served meanwhile keep the real "now".
 */
public final class RunClock extends Clock {

    private final Clock source;
    private volatile Instant firing;

    public RunClock(Clock source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Instant instant() {
        Instant at = firing;
        return at != null ? at : source.instant();
    }

    /** The source clock's time, whatever firing runs. */
    public Instant now() {
        return source.instant();
    }

    /** Shows {@code at} until {@link #release()}. */
    public void runAt(Instant at) {
        firing = Objects.requireNonNull(at, "at");
    }

    /** Back to the source clock's time. */
    public void release() {
        firing = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("the local run clock is UTC only");
    }
}
