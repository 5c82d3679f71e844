package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoMixTest {

    @Test
    void of_countsEventsByTypeAndPersona() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticConfig.defaults().withCustomers(150));
        List<EngagementEvent> events = base.events().toList();

        DemoMix mix = DemoMix.of(base.customers(), events.iterator());

        assertThat(mix.events()).isEqualTo(events.size());
        assertThat(mix.customers()).isEqualTo(150);
        assertThat(mix.eventsByType().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(events.size());
        assertThat(mix.count("session_started"))
                .isEqualTo(events.stream().filter(e -> e.type().equals("session_started")).count());
        for (Persona persona : Persona.values()) {
            long expected = events.stream().filter(e -> base.persona(e.customerId()) == persona).count();
            assertThat(mix.eventsByPersona().get(persona)).as("%s", persona).isEqualTo(expected);
            assertThat(mix.customersByPersona().get(persona))
                    .isEqualTo((int) base.customers().stream().filter(c -> c.persona() == persona).count());
        }
        assertThat(base.mix()).isEqualTo(mix);
        assertThat(base.eventCount()).isEqualTo(events.size());
    }

    @Test
    void render_namesEveryPersonaAndTheTotals() {
        DemoMix mix = SyntheticCustomerBase.generate(SyntheticConfig.defaults().withCustomers(40).withDays(20)).mix();

        String text = mix.render();

        assertThat(text).contains(String.format(java.util.Locale.ROOT, "%,d events", mix.events()));
        for (Persona persona : Persona.values()) {
            assertThat(text).contains(persona.name());
        }
        assertThat(text).contains("session_started");
    }

    @Test
    void of_whenAnEventBelongsToNoListedCustomer_fails() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticConfig.defaults().withCustomers(3));

        assertThatThrownBy(() -> DemoMix.of(base.customers().subList(0, 1), base.iterator()))
                .hasMessageContaining("belongs to no listed customer");
    }
}
