package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a synthetic base is made of: events by type, customers and events by persona, customers by trait.
 * Every persona and trait is listed, with zero when absent.
 */
public record DemoMix(
        long events,
        SortedMap<String, Long> eventsByType,
        Map<Persona, Integer> customersByPersona,
        Map<Persona, Long> eventsByPersona,
        Map<Trait, Integer> customersByTrait) {

    public DemoMix {
        eventsByType = Collections.unmodifiableSortedMap(new TreeMap<>(eventsByType));
        customersByPersona = Collections.unmodifiableMap(complete(Persona.class, customersByPersona, 0));
        eventsByPersona = Collections.unmodifiableMap(complete(Persona.class, eventsByPersona, 0L));
        customersByTrait = Collections.unmodifiableMap(complete(Trait.class, customersByTrait, 0));
    }

    /** Tallies the events (consuming the iterator) against the customers they belong to. */
    public static DemoMix of(Collection<SyntheticCustomer> customers, Iterator<EngagementEvent> events) {
        Map<String, Persona> personaById = new HashMap<>();
        Map<Persona, Integer> byPersona = new EnumMap<>(Persona.class);
        Map<Trait, Integer> byTrait = new EnumMap<>(Trait.class);
        for (SyntheticCustomer customer : customers) {
            personaById.put(customer.customerId(), customer.persona());
            byPersona.merge(customer.persona(), 1, Integer::sum);
            customer.traits().forEach(trait -> byTrait.merge(trait, 1, Integer::sum));
        }
        long total = 0;
        Map<String, Long> byType = new TreeMap<>();
        Map<Persona, Long> eventsByPersona = new EnumMap<>(Persona.class);
        while (events.hasNext()) {
            EngagementEvent event = events.next();
            total++;
            byType.merge(event.type(), 1L, Long::sum);
            Persona persona = personaById.get(event.customerId());
            if (persona == null) {
                throw new IllegalArgumentException("event " + event.eventId() + " belongs to no listed customer");
            }
            eventsByPersona.merge(persona, 1L, Long::sum);
        }
        return new DemoMix(total, new TreeMap<>(byType), byPersona, eventsByPersona, byTrait);
    }

    public int customers() {
        return customersByPersona.values().stream().mapToInt(Integer::intValue).sum();
    }

    public double eventsPerCustomer() {
        return customers() == 0 ? 0 : events / (double) customers();
    }

    public long count(String eventType) {
        return eventsByType.getOrDefault(eventType, 0L);
    }

    /** A plain-text summary for the demo's printout. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(format("%,d customers, %,d events (%.1f per customer)%n", customers(), events, eventsPerCustomer()));
        out.append(format("%nEvents by type%n"));
        eventsByType.forEach((type, count) ->
                out.append(format("  %-28s %,10d  %5.1f%%%n", type, count, percent(count, events))));
        out.append(format("%nBy persona                       customers            events  per customer%n"));
        customersByPersona.forEach((persona, count) -> {
            long personaEvents = eventsByPersona.get(persona);
            out.append(format("  %-28s %,7d %5.1f%%  %,10d  %8.1f%n", persona, count, percent(count, customers()),
                    personaEvents, count == 0 ? 0.0 : personaEvents / (double) count));
        });
        out.append(format("%nCustomers by trait%n"));
        customersByTrait.forEach((trait, count) ->
                out.append(format("  %-28s %,7d %5.1f%%%n", trait, count, percent(count, customers()))));
        return out.toString();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static <K extends Enum<K>, V> Map<K, V> complete(Class<K> type, Map<K, V> counts, V zero) {
        Map<K, V> all = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            all.put(key, counts.getOrDefault(key, zero));
        }
        return all;
    }
}
