package dev.winback.local.demo;

/** The observed window in epoch seconds: every generated event falls in {@code [start, end)}. */
record Window(long start, long end, int days) {

    static final long MINUTE = 60;
    static final long HOUR = 3_600;
    static final long DAY = 86_400;
    /** A planned moment that never comes. */
    static final long NEVER = Long.MAX_VALUE;

    static Window of(SyntheticConfig config) {
        long start = config.start().getEpochSecond();
        return new Window(start, start + config.days() * DAY, config.days());
    }

    long dayStart(int day) {
        return start + day * DAY;
    }

    /** The instant a given fraction of the way through the window. */
    long at(double fraction) {
        return start + (long) ((end - start) * fraction);
    }

    boolean contains(long epochSecond) {
        return epochSecond >= start && epochSecond < end;
    }
}
