package dev.winback.local.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerConsistencyTest {

    @Test
    void everyCustomerTimeline_obeysTheRules() {
        assertThat(problems(TestBases.medium())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 2026})
    void everyCustomerTimeline_obeysTheRules_forOtherSeedsToo(long seed) {
        SyntheticConfig config = SyntheticConfig.defaults().withCustomers(700).withSeed(seed);

        assertThat(problems(TestBases.materialise(SyntheticCustomerBase.generate(config)))).isEmpty();
    }

    @Test
    void everyCustomer_hasEvents() {
        TestBases.Generated generated = TestBases.medium();

        assertThat(generated.base().customers())
                .allSatisfy(customer -> assertThat(generated.of(customer)).isNotEmpty());
    }

    private static List<String> problems(TestBases.Generated generated) {
        SyntheticConfig config = generated.base().config();
        return generated.base().customers().stream()
                .flatMap(customer -> TimelineRules.check(customer.customerId(), generated.of(customer),
                        config.start(), config.end()).stream())
                .toList();
    }
}
