package dev.winback.local.demo;

import java.util.List;

/**
 * SplitMix64 with the few distributions the generator needs. Written out rather than borrowed from the
 * JDK so a seed means the same thing on every JDK, and using {@link StrictMath} so floating point results
 * do not depend on the CPU's intrinsics.
 */
final class Rng {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** Each customer draws from its own stream, so a customer's events do not depend on how many others exist. */
    static Rng forCustomer(long seed, int customerIndex) {
        return new Rng(mix(mix(seed) + GOLDEN_GAMMA * customerIndex));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (nextDouble() * bound);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    double uniform(double lowInclusive, double highExclusive) {
        return lowInclusive + nextDouble() * (highExclusive - lowInclusive);
    }

    /** Uniform in [lowInclusive, highExclusive). */
    long uniformLong(long lowInclusive, long highExclusive) {
        return lowInclusive + (long) (nextDouble() * (highExclusive - lowInclusive));
    }

    /** Log-uniform in [low, high): as likely weekly as monthly as quarterly. */
    double logUniform(double low, double high) {
        return StrictMath.exp(uniform(StrictMath.log(low), StrictMath.log(high)));
    }

    double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /** Standard normal by Box–Muller, one value per call so the stream stays simple to reason about. */
    double gaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Gamma with the given shape (at least 1) and mean, by Marsaglia and Tsang. */
    double gamma(double shape, double mean) {
        if (shape < 1.0) {
            throw new IllegalArgumentException("shape must be at least 1 but was " + shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / StrictMath.sqrt(9.0 * d);
        while (true) {
            double x = gaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - nextDouble();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
                return d * v * mean / shape;
            }
        }
    }

    /** Poisson by Knuth's product method; the generator only asks for small means. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-mean);
        int count = 0;
        double product = nextDouble();
        while (product > limit) {
            count++;
            product *= nextDouble();
        }
        return count;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
