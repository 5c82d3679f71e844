package dev.winback.core.record;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

/**
 * The archived part of a customer's event history for one calendar month (by occurrence): the
 * ids of events already applied and the days that already had a purchase.
 */
public record ArchivedMonth(YearMonth month, Set<Long> eventHashes, Set<Long> purchaseDays) {

    public ArchivedMonth {
        eventHashes = Set.copyOf(eventHashes);
        purchaseDays = Set.copyOf(purchaseDays);
    }

    public static ArchivedMonth empty(YearMonth month) {
        return new ArchivedMonth(month, Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return eventHashes.isEmpty() && purchaseDays.isEmpty();
    }

    ArchivedMonth plus(Set<Long> hashes, Set<Long> days) {
        Set<Long> h = new HashSet<>(eventHashes);
        h.addAll(hashes);
        Set<Long> d = new HashSet<>(purchaseDays);
        d.addAll(days);
        return new ArchivedMonth(month, h, d);
    }
}
