package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic synthetic customer base: personas with realistic habits, purchases, permissions and
 * message engagement, as contract-v1 events. The same config always yields the same events, in the same
 * order, with the same ids. Events are generated on demand, so a large base streams without being held
 * in memory; each customer's persona and traits are kept here, never in the events.
 */
public final class SyntheticCustomerBase implements Iterable<EngagementEvent> {

    private final SyntheticConfig config;
    private final Window window;
    private final Map<String, SyntheticCustomer> customers;
    private volatile int eventCount = -1;

    private SyntheticCustomerBase(SyntheticConfig config, Map<String, SyntheticCustomer> customers) {
        this.config = config;
        this.window = Window.of(config);
        this.customers = customers;
    }

    public static SyntheticCustomerBase generate(SyntheticConfig config) {
        Objects.requireNonNull(config, "config");
        Window window = Window.of(config);
        Map<String, SyntheticCustomer> customers = new LinkedHashMap<>();
        for (int number = 1; number <= config.customers(); number++) {
            SyntheticCustomer customer = CustomerPlanner.plan(number, Rng.forCustomer(config.seed(), number), window)
                    .customer();
            customers.put(customer.customerId(), customer);
        }
        return new SyntheticCustomerBase(config, Collections.unmodifiableMap(customers));
    }

    /** The default base: 5,000 customers over 120 days from 2026-07-01, seed 42. */
    public static SyntheticCustomerBase generateDefault() {
        return generate(SyntheticConfig.defaults());
    }

    public SyntheticConfig config() {
        return config;
    }

    /** Every customer, in id order, with the persona and traits they were generated with. */
    public List<SyntheticCustomer> customers() {
        return List.copyOf(customers.values());
    }

    public Optional<SyntheticCustomer> customer(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    /** The persona of a customer of this base; fails for an id the base does not have. */
    public Persona persona(String customerId) {
        SyntheticCustomer customer = customers.get(customerId);
        if (customer == null) {
            throw new NoSuchElementException("no synthetic customer " + customerId);
        }
        return customer.persona();
    }

    /** All events of the base in occurredAt order, generated as the iterator advances. */
    @Override
    public Iterator<EngagementEvent> iterator() {
        return new ChronologicalEvents(config);
    }

    /** All events of the base in occurredAt order; a sequential stream, generated lazily. */
    public Stream<EngagementEvent> events() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /** One customer's events in occurredAt order, the same as in {@link #events()}. */
    public List<EngagementEvent> eventsOf(String customerId) {
        SyntheticCustomer customer = customer(customerId)
                .orElseThrow(() -> new NoSuchElementException("no synthetic customer " + customerId));
        int number = Integer.parseInt(customer.customerId().substring(2));
        Rng rng = Rng.forCustomer(config.seed(), number);
        CustomerSimulation simulation = new CustomerSimulation(CustomerPlanner.plan(number, rng, window), rng, window);
        List<EngagementEvent> events = new ArrayList<>();
        for (int day = 0; day < window.days(); day++) {
            simulation.playDay(day, events::add);
        }
        return List.copyOf(events);
    }

    /** How many events {@link #events()} yields; the first call generates them all once to count. */
    public int eventCount() {
        int count = eventCount;
        if (count < 0) {
            count = 0;
            for (Iterator<EngagementEvent> it = iterator(); it.hasNext(); it.next()) {
                count++;
            }
            eventCount = count;
        }
        return count;
    }

    /** Counts by event type, persona and trait, in one pass over the events. */
    public DemoMix mix() {
        DemoMix mix = DemoMix.of(customers.values(), iterator());
        eventCount = (int) mix.events();
        return mix;
    }
}
