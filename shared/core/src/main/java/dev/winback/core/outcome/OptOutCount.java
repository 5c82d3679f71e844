package dev.winback.core.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Customers who opted out of marketing after a message of one unit (a rule's campaign, a journey):
 * unsubscribes (a marketing consent withdrawn, a subscription ended, an SMS STOP) and complaints (an
 * email marked as spam), counted on the day of the exposure they are attributed to, as conversions
 * are. Both an increment and a total.
 */
public record OptOutCount(String unit, LocalDate day, long unsubscribed, long complained) {

    public OptOutCount {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(day, "day");
    }

    public boolean isEmpty() {
        return unsubscribed == 0 && complained == 0;
    }

    public OptOutCount plus(OptOutCount other) {
        if (!unit.equals(other.unit) || !day.equals(other.day)) throw new IllegalArgumentException("counts of different keys");
        return new OptOutCount(unit, day, unsubscribed + other.unsubscribed, complained + other.complained);
    }

    /** One count per unit and day, in the order they first appear: one counter write each. */
    public static List<OptOutCount> merged(Collection<OptOutCount> counts) {
        Map<String, OptOutCount> byKey = new LinkedHashMap<>();
        for (OptOutCount count : counts) {
            if (!count.isEmpty()) byKey.merge(count.unit() + "|" + count.day(), count, OptOutCount::plus);
        }
        return new ArrayList<>(byKey.values());
    }
}
