package dev.winback.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Size and seed of a synthetic customer base. The same config always yields the same events.
 *
 * @param customers how many customers, numbered {@code c-000001} upwards
 * @param days      length of the observed window; every event falls in {@code [start, start + days)}
 * @param start     first instant of the window, in whole seconds
 * @param seed      drives every random choice
 */
public record SyntheticConfig(int customers, int days, Instant start, long seed) {

    public static final int DEFAULT_CUSTOMERS = 5_000;
    public static final int DEFAULT_DAYS = 120;
    public static final Instant DEFAULT_START = Instant.parse("2026-07-01T00:00:00Z");
    public static final long DEFAULT_SEED = 42L;

    public SyntheticConfig {
        Objects.requireNonNull(start, "start");
        if (customers < 1 || customers > 9_999_999) {
            throw new IllegalArgumentException("customers must be in 1..9,999,999 but was " + customers);
        }
        if (days < 1 || days > 3_650) {
            throw new IllegalArgumentException("days must be in 1..3650 but was " + days);
        }
        if (start.getNano() != 0) {
            throw new IllegalArgumentException("start must be a whole second but was " + start);
        }
    }

    /** 5,000 customers over 120 days from 2026-07-01, seed 42: about 200,000 events. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(DEFAULT_CUSTOMERS, DEFAULT_DAYS, DEFAULT_START, DEFAULT_SEED);
    }

    public SyntheticConfig withCustomers(int newCustomers) {
        return new SyntheticConfig(newCustomers, days, start, seed);
    }

    public SyntheticConfig withDays(int newDays) {
        return new SyntheticConfig(customers, newDays, start, seed);
    }

    public SyntheticConfig withStart(Instant newStart) {
        return new SyntheticConfig(customers, days, newStart, seed);
    }

    public SyntheticConfig withSeed(long newSeed) {
        return new SyntheticConfig(customers, days, start, newSeed);
    }

    /** First instant after the window. */
    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }
}
