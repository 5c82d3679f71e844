package dev.winback.core.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What happened to one group of one unit's exposures of one day (UTC): how many customers were
 * exposed, how many of them converted within the window, what their purchases within it came to
 * per currency, and how many of the unit's messages were sent that day. Both an increment (what one
 * write adds) and a total (what the counters hold). Conversions and revenue count on the day of
 * the exposure they are attributed to, so a day's figures are one cohort's.
 */
public record OutcomeCount(String unit, LocalDate day, Assignment group, long exposed, long converted,
                           long messages, Map<String, BigDecimal> revenue) {

    public OutcomeCount {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(group, "group");
        revenue = Map.copyOf(new TreeMap<>(revenue));
    }

    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    public static OutcomeCount exposure(String unit, Assignment group, Instant at) {
        return new OutcomeCount(unit, dayOf(at), group, 1, 0, 0, Map.of());
    }

    public static OutcomeCount conversion(String unit, Assignment group, Instant exposedAt) {
        return new OutcomeCount(unit, dayOf(exposedAt), group, 0, 1, 0, Map.of());
    }

    public static OutcomeCount revenue(String unit, Assignment group, Instant exposedAt, String currency,
                                       BigDecimal amount) {
        return new OutcomeCount(unit, dayOf(exposedAt), group, 0, 0, 0, Map.of(currency, amount));
    }

    public static OutcomeCount message(String unit, Instant sentAt) {
        return new OutcomeCount(unit, dayOf(sentAt), Assignment.TREATED, 0, 0, 1, Map.of());
    }

    /** Whose counters this adds to: one item per unit, day and group. */
    public Key key() {
        return new Key(unit, day, group);
    }

    public record Key(String unit, LocalDate day, Assignment group) {
    }

    public boolean isEmpty() {
        return exposed == 0 && converted == 0 && messages == 0 && revenue.isEmpty();
    }

    /** Both added up; the keys must agree. */
    public OutcomeCount plus(OutcomeCount other) {
        if (!key().equals(other.key())) throw new IllegalArgumentException("counts of different keys");
        Map<String, BigDecimal> sum = new TreeMap<>(revenue);
        other.revenue.forEach((currency, amount) -> sum.merge(currency, amount, BigDecimal::add));
        return new OutcomeCount(unit, day, group, exposed + other.exposed, converted + other.converted,
                messages + other.messages, sum);
    }

    /** One count per key, in the order keys first appear: one counter write each. */
    public static List<OutcomeCount> merged(Collection<OutcomeCount> counts) {
        Map<Key, OutcomeCount> byKey = new LinkedHashMap<>();
        for (OutcomeCount count : counts) {
            if (!count.isEmpty()) byKey.merge(count.key(), count, OutcomeCount::plus);
        }
        return new ArrayList<>(byKey.values());
    }
}
