package dev.winback.local.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's size: streamed, never held in memory. Timing is logged, not asserted. */
class LargeBaseTest {

    @Test
    void twentyThousandCustomers_yieldAtLeastTwoHundredThousandEvents() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticConfig.defaults().withCustomers(20_000));

        long started = System.nanoTime();
        int count = base.eventCount();
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("synthetic base: %,d customers, %,d events, generated in %,d ms%n",
                base.customers().size(), count, millis);
        assertThat(count).isGreaterThanOrEqualTo(200_000);
    }
}
