package dev.winback.local.demo;

import org.junit.jupiter.api.Test;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RngTest {

    @Test
    void sameSeed_sameSequence_otherCustomer_otherSequence() {
        Rng a = Rng.forCustomer(42, 7);
        Rng b = Rng.forCustomer(42, 7);
        Rng c = Rng.forCustomer(42, 8);

        long[] first = IntStream.range(0, 5).mapToLong(i -> a.nextLong()).toArray();
        assertThat(IntStream.range(0, 5).mapToLong(i -> b.nextLong()).toArray()).isEqualTo(first);
        assertThat(IntStream.range(0, 5).mapToLong(i -> c.nextLong()).toArray()).isNotEqualTo(first);
    }

    @Test
    void distributions_haveTheirMeans() {
        Rng rng = new Rng(1);
        int n = 200_000;

        assertThat(DoubleStream.generate(rng::nextDouble).limit(n).average().orElseThrow()).isCloseTo(0.5, within(0.01));
        assertThat(DoubleStream.generate(() -> rng.exponential(30)).limit(n).average().orElseThrow())
                .isCloseTo(30, within(0.5));
        assertThat(DoubleStream.generate(() -> rng.gamma(4, 30)).limit(n).average().orElseThrow())
                .isCloseTo(30, within(0.5));
        assertThat(IntStream.generate(() -> rng.poisson(0.3)).limit(n).average().orElseThrow())
                .isCloseTo(0.3, within(0.01));
        assertThat(DoubleStream.generate(rng::gaussian).limit(n).average().orElseThrow()).isCloseTo(0, within(0.01));
    }

    @Test
    void gamma_withHigherShape_isSteadier() {
        Rng rng = new Rng(2);
        double exponential = variation(DoubleStream.generate(() -> rng.gamma(1, 30)).limit(50_000).toArray());
        double steady = variation(DoubleStream.generate(() -> rng.gamma(5, 30)).limit(50_000).toArray());

        assertThat(exponential).isCloseTo(1.0, within(0.05));
        assertThat(steady).isCloseTo(1 / Math.sqrt(5), within(0.05));
    }

    private static double variation(double[] values) {
        double mean = DoubleStream.of(values).average().orElseThrow();
        double variance = DoubleStream.of(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        return Math.sqrt(variance) / mean;
    }
}
