package dev.winback.local.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleSamplerTest {

    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void reads_the_states_once_per_period_of_virtual_time_and_once_more_at_the_end() {
        AtomicLong reads = new AtomicLong();
        LifecycleSampler sampler = new LifecycleSampler(() -> Map.of("active", reads.incrementAndGet()),
                Duration.ofDays(7));

        for (int hours = 0; hours <= 24 * 15; hours += 12) sampler.afterTick(T0.plus(Duration.ofHours(hours)));
        sampler.sample(T0.plus(Duration.ofDays(15)));

        assertThat(sampler.samples()).extracting(RetentionReport.StateSample::at)
                .containsExactly(T0, T0.plus(Duration.ofDays(7)), T0.plus(Duration.ofDays(14)), T0.plus(Duration.ofDays(15)));
        assertThat(reads.get()).isEqualTo(4);
        assertThat(sampler.samples().getLast().customersByState()).containsEntry("active", 4L);
    }

    @Test
    void a_period_must_be_positive() {
        assertThatThrownBy(() -> new LifecycleSampler(Map::of, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
