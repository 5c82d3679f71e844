package dev.winback.core.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * When a cached read is due again: before the first read, once {@code every} has elapsed since the
 * last one, and when told to ({@link #expire}). A time source that went back (a clock followed
 * through a local runtime's firings, which each show their own time) finds the read still fresh: it
 * was made later than that. Safe to share between threads without a lock: a cache's fast path asks
 * it on every use.
 */
public final class RefreshTimer {

    private static final long NEVER = Long.MIN_VALUE;

    private final long everyNanos;
    private final ElapsedTime elapsed;
    private volatile long readAt = NEVER;

    public RefreshTimer(Duration every, ElapsedTime elapsed) {
        this.everyNanos = Objects.requireNonNull(every, "every").toNanos();
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The elapsed time now, to take before a read and give {@link #readAt} after it. */
    public long now() {
        return elapsed.nanos();
    }

    public boolean due() {
        return dueAt(now());
    }

    public boolean dueAt(long now) {
        long at = readAt;
        if (at == NEVER) return true;
        return now - at >= everyNanos;
    }

    /** A read was made (or tried) that started at {@code now}: the next is due {@code every} from then. */
    public void readAt(long now) {
        readAt = now;
    }

    /** The next use reads again: after a change made through this process. */
    public void expire() {
        readAt = NEVER;
    }
}
