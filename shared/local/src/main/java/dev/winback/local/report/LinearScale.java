package dev.winback.local.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps values of a domain onto pixels, with round tick values: the domain is widened to the ticks
 * on either side, so the axis starts and ends on a labelled value.
 */
record LinearScale(double min, double max, double from, double to) {

    /** A scale over {@code [low, high]} widened to round steps (about {@code ticks} of them). */
    static LinearScale nice(double low, double high, double from, double to, int ticks) {
        if (low == high) {
            low = low == 0 ? 0 : Math.min(0, low);
            high = high == 0 ? 1 : Math.max(0, high);
        }
        double step = step(low, high, ticks);
        return new LinearScale(Math.floor(low / step) * step, Math.ceil(high / step) * step, from, to);
    }

    /** A step of 1, 2 or 5 times a power of ten that cuts the range into about {@code ticks} parts. */
    static double step(double low, double high, int ticks) {
        double raw = (high - low) / Math.max(1, ticks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    double map(double value) {
        return from + (value - min) / (max - min) * (to - from);
    }

    /** Round values from min to max, about {@code count} steps apart. */
    List<Double> ticks(int count) {
        double step = step(min, max, count);
        List<Double> ticks = new ArrayList<>();
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }
}
