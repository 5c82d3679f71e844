package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Bases shared by the tests, generated once per JVM: generation is deterministic, so sharing is safe. */
final class TestBases {

    /** A generated base held in memory with its events grouped by customer. */
    record Generated(SyntheticCustomerBase base, List<EngagementEvent> events,
                     Map<String, List<EngagementEvent>> byCustomer) {

        List<EngagementEvent> of(SyntheticCustomer customer) {
            return byCustomer.getOrDefault(customer.customerId(), List.of());
        }

        List<SyntheticCustomer> customers(Persona persona) {
            return base.customers().stream().filter(c -> c.persona() == persona).toList();
        }
    }

    private static Generated medium;

    private TestBases() {
    }

    /** 2,000 customers over the default 120 days: enough of every persona and trait to check them. */
    static synchronized Generated medium() {
        if (medium == null) {
            medium = materialise(SyntheticCustomerBase.generate(SyntheticConfig.defaults().withCustomers(2_000)));
        }
        return medium;
    }

    static Generated materialise(SyntheticCustomerBase base) {
        List<EngagementEvent> events = base.events().toList();
        Map<String, List<EngagementEvent>> byCustomer = events.stream()
                .collect(Collectors.groupingBy(EngagementEvent::customerId, LinkedHashMap::new, Collectors.toList()));
        return new Generated(base, events, byCustomer);
    }
}
