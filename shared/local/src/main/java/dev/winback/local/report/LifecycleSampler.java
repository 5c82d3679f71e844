package dev.winback.local.report;

import dev.winback.local.report.RetentionReport.StateSample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Customers by lifecycle state over a run: the records keep only their current state, so the run
 * samples them as it goes. Called after every tick, it reads the states at most once per period of
 * virtual time (each read is a scan of every record), and once more at the end.
 */
public final class LifecycleSampler {

    /** A week of virtual time: about 17 reads over the default demo, each a scan of 5,000 records. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    private final Supplier<Map<String, Long>> states;
    private final Duration period;
    private final List<StateSample> samples = new ArrayList<>();
    private Instant last;

    /** @param states customers by lifecycle state as stored now */
    public LifecycleSampler(Supplier<Map<String, Long>> states, Duration period) {
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("the period must be positive");
        this.states = states;
        this.period = period;
    }

    /** Reads the states if a period has passed since the last read (or none was made). */
    public synchronized void afterTick(Instant now) {
        if (last == null || !now.isBefore(last.plus(period))) sample(now);
    }

    /** Reads the states now, unless they were read at this very instant. */
    public synchronized void sample(Instant now) {
        if (now.equals(last)) return;
        samples.add(new StateSample(now, states.get()));
        last = now;
    }

    public synchronized List<StateSample> samples() {
        return List.copyOf(samples);
    }
}
