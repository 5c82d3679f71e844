package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SyntheticCustomerBaseTest {

    private static final SyntheticConfig SMALL = SyntheticConfig.defaults().withCustomers(300);

    @Test
    void events_whenSameSeed_areIdenticalDownToTheirText() {
        List<EngagementEvent> first = SyntheticCustomerBase.generate(SMALL).events().toList();
        List<EngagementEvent> second = SyntheticCustomerBase.generate(SMALL).events().toList();

        assertThat(second).isEqualTo(first);
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(SyntheticCustomerBase.generate(SMALL).customers())
                .isEqualTo(SyntheticCustomerBase.generate(SMALL).customers());
    }

    @Test
    void events_whenSeedDiffers_differ() {
        List<EngagementEvent> seed42 = SyntheticCustomerBase.generate(SMALL).events().toList();
        List<EngagementEvent> seed43 = SyntheticCustomerBase.generate(SMALL.withSeed(43)).events().toList();

        assertThat(seed43).isNotEqualTo(seed42);
        assertThat(SyntheticCustomerBase.generate(SMALL.withSeed(43)).customers())
                .isNotEqualTo(SyntheticCustomerBase.generate(SMALL).customers());
    }

    @Test
    void events_areInOccurredAtOrder_withinTheWindow() {
        SyntheticConfig config = SMALL.withDays(30);
        List<EngagementEvent> events = SyntheticCustomerBase.generate(config).events().toList();

        assertThat(events).isNotEmpty().isSortedAccordingTo(Comparator.comparing(EngagementEvent::occurredAt));
        assertThat(events).allSatisfy(event -> assertThat(event.occurredAt())
                .isAfterOrEqualTo(config.start()).isBefore(config.end()));
    }

    @Test
    void events_areTheMergeOfEachCustomersEvents() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SMALL.withCustomers(60));
        List<EngagementEvent> merged = new ArrayList<>();
        base.customers().forEach(customer -> merged.addAll(base.eventsOf(customer.customerId())));
        merged.sort(Comparator.comparing(EngagementEvent::occurredAt));

        assertThat(base.events().toList()).isEqualTo(merged);
    }

    @Test
    void eventIds_areUnique_andCustomersAreOpaqueIds() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SMALL);
        Set<String> ids = new HashSet<>();

        base.events().forEach(event -> {
            assertThat(ids.add(event.eventId())).as("unique %s", event.eventId()).isTrue();
            assertThat(event.customerId()).matches("c-\\d{6}");
            assertThat(event.eventId()).startsWith("e-" + event.customerId().substring(2) + "-");
        });
        assertThat(base.customers()).extracting(SyntheticCustomer::customerId)
                .startsWith("c-000001", "c-000002").endsWith("c-000300").doesNotHaveDuplicates();
    }

    @Test
    void customerEvents_doNotDependOnHowManyOthersThereAre() {
        SyntheticCustomerBase small = SyntheticCustomerBase.generate(SMALL.withCustomers(10));
        SyntheticCustomerBase large = SyntheticCustomerBase.generate(SMALL.withCustomers(500));

        for (SyntheticCustomer customer : small.customers()) {
            assertThat(large.customer(customer.customerId())).contains(customer);
            assertThat(large.eventsOf(customer.customerId())).isEqualTo(small.eventsOf(customer.customerId()));
        }
    }

    @Test
    void eventCount_countsWhatEventsYields() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SMALL.withDays(45));

        assertThat(base.eventCount()).isEqualTo((int) base.events().count()).isPositive();
    }

    @Test
    void aFewHundredCustomers_yieldTenThousandEvents() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SMALL);

        assertThat(base.eventCount()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void personas_appearInTheirDeclaredShares() {
        List<SyntheticCustomer> customers = SyntheticCustomerBase.generateDefault().customers();
        Map<Persona, Integer> counts = new EnumMap<>(Persona.class);
        customers.forEach(customer -> counts.merge(customer.persona(), 1, Integer::sum));

        for (Persona persona : Persona.values()) {
            double share = counts.getOrDefault(persona, 0) / (double) customers.size();
            assertThat(share).as("share of %s", persona).isCloseTo(persona.weightPercent() / 100.0, within(0.02));
        }
        assertThat(Persona.values()).extracting(Persona::weightPercent)
                .satisfies(weights -> assertThat(weights.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100));
    }

    @Test
    void defaultBase_hasAboutFortyEventsPerCustomer_mostlySessionsAndMessages() {
        DemoMix mix = SyntheticCustomerBase.generateDefault().mix();

        assertThat(mix.customers()).isEqualTo(5_000);
        assertThat(mix.eventsPerCustomer()).isBetween(34.0, 48.0);
        long sessions = mix.count("session_started") + mix.count("store_visited");
        long messages = mix.count("message_sent") + mix.count("message_delivered") + mix.count("message_opened")
                + mix.count("message_clicked") + mix.count("message_converted");
        assertThat(sessions + messages).isGreaterThan(mix.events() * 6 / 10);
        assertThat(mix.eventsByType().keySet()).contains("session_started", "store_visited", "purchase_completed",
                "order_status_changed", "message_sent", "message_delivered", "message_opened", "message_clicked",
                "message_converted", "push_permission_changed", "email_subscription_changed",
                "sms_subscription_changed", "membership_changed", "app_installed", "app_uninstalled",
                "profile_updated", "consent_changed");
    }

    @Test
    void persona_whenCustomerIsUnknown_fails() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SMALL.withCustomers(5));

        assertThat(base.persona("c-000005")).isNotNull();
        assertThatThrownBy(() -> base.persona("c-000006")).hasMessageContaining("c-000006");
        assertThatThrownBy(() -> base.eventsOf("c-000006")).hasMessageContaining("c-000006");
    }

    @Test
    void config_whenOutOfRange_failsFast() {
        SyntheticConfig defaults = SyntheticConfig.defaults();

        assertThatThrownBy(() -> defaults.withCustomers(0)).hasMessageContaining("customers");
        assertThatThrownBy(() -> defaults.withDays(0)).hasMessageContaining("days");
        assertThatThrownBy(() -> defaults.withStart(defaults.start().plusMillis(1))).hasMessageContaining("whole second");
    }
}
