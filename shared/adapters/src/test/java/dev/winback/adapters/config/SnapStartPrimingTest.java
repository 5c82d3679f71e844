package dev.winback.adapters.config;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SnapStartPrimingTest {

    @Test
    void primeAll_runsEveryRegisteredPriming_andAFailingOneNeverStopsTheOthersOrTheSnapshot() {
        AtomicInteger runs = new AtomicInteger();
        int before = SnapStartPriming.primeAll();
        SnapStartPriming.register("failing", () -> {
            throw new IllegalStateException("no table");
        });
        SnapStartPriming.register("counting", runs::incrementAndGet);

        assertThatCode(() -> assertThat(SnapStartPriming.primeAll()).isEqualTo(before + 1)).doesNotThrowAnyException();
        assertThat(runs).hasValue(1);
    }
}
