package dev.winback.local.demo;

import dev.winback.core.event.Platform;

/**
 * How often a customer shows up on one platform: a steady rate from {@code from}, falling linearly to zero
 * between {@code fadeFrom} and {@code fadeTo}. A sudden stop is a fade of zero length.
 */
record PlatformActivity(Platform platform, double perDay, long from, long fadeFrom, long fadeTo) {

    PlatformActivity {
        if (perDay < 0 || fadeFrom > fadeTo || from > fadeFrom) {
            throw new IllegalArgumentException("inconsistent activity " + platform + " " + perDay
                    + " from " + from + " fading " + fadeFrom + ".." + fadeTo);
        }
    }

    static PlatformActivity steady(Platform platform, double perDay, long from) {
        return new PlatformActivity(platform, perDay, from, Window.NEVER, Window.NEVER);
    }

    static PlatformActivity until(Platform platform, double perDay, long from, long stopAt) {
        long stop = Math.max(from, stopAt);
        return new PlatformActivity(platform, perDay, from, stop, stop);
    }

    static PlatformActivity fading(Platform platform, double perDay, long from, long fadeFrom, long fadeTo) {
        long start = Math.max(from, fadeFrom);
        return new PlatformActivity(platform, perDay, from, start, Math.max(start, fadeTo));
    }

    /** Expected visits per day at the instant. */
    double rateAt(long instant) {
        if (instant < from || instant >= fadeTo) {
            return 0;
        }
        if (instant < fadeFrom) {
            return perDay;
        }
        return perDay * (fadeTo - instant) / (double) (fadeTo - fadeFrom);
    }

    /** Stopped for good: lapsed, or migrated away from this platform. */
    PlatformActivity stoppedAt(long stopAt) {
        if (stopAt >= fadeTo) {
            return this;
        }
        long stop = Math.max(from, stopAt);
        return new PlatformActivity(platform, perDay, from, Math.min(fadeFrom, stop), stop);
    }
}
