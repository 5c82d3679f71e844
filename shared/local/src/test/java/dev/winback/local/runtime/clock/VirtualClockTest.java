package dev.winback.local.runtime.clock;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void instant_whenCreated_standsStillAtStartInUtc() throws InterruptedException {
        VirtualClock clock = new VirtualClock(START);
        Thread.sleep(5);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void advance_whenPositive_movesForwardAndReturnsNewTime() {
        VirtualClock clock = new VirtualClock(START);
        assertThat(clock.advance(Duration.ofDays(7))).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(clock.advance(Duration.ZERO)).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void advance_whenNegative_refusesAndKeepsTime() {
        VirtualClock clock = new VirtualClock(START);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set(");
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void advanceTo_whenEarlier_keepsTheLaterTime() {
        VirtualClock clock = new VirtualClock(START);
        assertThat(clock.advanceTo(START.plusSeconds(60))).isEqualTo(START.plusSeconds(60));
        assertThat(clock.advanceTo(START)).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void set_whenEarlier_goesBackBecauseItIsExplicit() {
        VirtualClock clock = new VirtualClock(START);
        Instant earlier = START.minus(Duration.ofDays(30));
        assertThat(clock.set(earlier)).isEqualTo(earlier);
        assertThat(clock.instant()).isEqualTo(earlier);
    }

    @Test
    void withZone_sharesTimeWithTheClock() {
        VirtualClock clock = new VirtualClock(START);
        Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
        clock.advance(Duration.ofHours(1));
        assertThat(berlin.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void advance_fromManyThreads_losesNoStep() throws Exception {
        VirtualClock clock = new VirtualClock(START);
        try (var executor = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(clock.instant()).isEqualTo(START.plusMillis(40_000));
    }
}
