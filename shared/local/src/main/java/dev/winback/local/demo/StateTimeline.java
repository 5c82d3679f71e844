package dev.winback.local.demo;

import java.util.Arrays;

/** A yes/no state that changes at known instants, such as "the app is installed". A change applies from its instant on. */
final class StateTimeline {

    private final boolean initial;
    private long[] times = new long[0];
    private boolean[] values = new boolean[0];

    StateTimeline(boolean initial) {
        this.initial = initial;
    }

    /** Changes must be recorded in time order. */
    void change(long at, boolean value) {
        if (times.length > 0 && at < times[times.length - 1]) {
            throw new IllegalArgumentException("changes must be recorded in time order");
        }
        times = Arrays.copyOf(times, times.length + 1);
        values = Arrays.copyOf(values, values.length + 1);
        times[times.length - 1] = at;
        values[values.length - 1] = value;
    }

    boolean at(long instant) {
        boolean state = initial;
        for (int i = 0; i < times.length && times[i] <= instant; i++) {
            state = values[i];
        }
        return state;
    }
}
