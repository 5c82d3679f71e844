package dev.winback.core.record;

import java.math.BigDecimal;
import dev.winback.core.model.PurchaseHistory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a buy-till-you-die model needs, exactly and in bounded space: first and last purchase, the
 * number of distinct purchase days (recent days kept here, older ones archived with their event
 * ids), spend per currency (exact decimals, so sums do not depend on order) and the categories
 * bought most recently, for personalised offers.
 *
 * @param recentDays     epoch days with a purchase that are newer than the record's archive horizon
 * @param archivedDays   how many distinct purchase days lie at or before the archive horizon
 */
public record Purchases(
        Instant first,
        Instant last,
        long orders,
        Set<Long> recentDays,
        long archivedDays,
        Map<String, BigDecimal> spendByCurrency,
        Map<String, Instant> recentCategories) {

    public static final int RECENT_CATEGORIES = 5;
    public static final Purchases NONE = new Purchases(null, null, 0, Set.of(), 0, Map.of(), Map.of());

    public Purchases {
        recentDays = Set.copyOf(new TreeSet<>(recentDays));
        spendByCurrency = Map.copyOf(spendByCurrency);
        recentCategories = Map.copyOf(recentCategories);
    }

    /** Distinct days with a purchase. */
    public long purchaseDays() {
        return recentDays.size() + archivedDays;
    }

    /** The BG/NBD frequency x: purchase days after the first one. */
    public long repeatPurchaseDays() {
        return Math.max(0, purchaseDays() - 1);
    }

    /**
     * The history as the purchase models see it; empty for a customer who never bought. Distinct
     * purchase days drive the models: several orders on the first day are one purchase, so a history
     * without repeat days starts and ends at the first order.
     */
    public Optional<PurchaseHistory> history() {
        if (first == null) return Optional.empty();
        int repeats = (int) Math.min(Integer.MAX_VALUE, repeatPurchaseDays());
        return Optional.of(new PurchaseHistory(repeats, first, repeats == 0 ? first : last));
    }

    Purchases record(Instant at, BigDecimal amount, String currency, Set<String> categories, PurchaseDay day) {
        Set<Long> days = recentDays;
        long archived = archivedDays;
        switch (day) {
            case PurchaseDay.Recent recent -> {
                days = new TreeSet<>(recentDays);
                days.add(recent.epochDay());
            }
            case PurchaseDay.NewArchived ignored -> archived++;
            case PurchaseDay.KnownArchived ignored -> { }
        }
        Map<String, BigDecimal> spend = new HashMap<>(spendByCurrency);
        spend.merge(currency, amount, BigDecimal::add);
        Map<String, Instant> categoriesSeen = new HashMap<>(recentCategories);
        for (String category : categories) {
            categoriesSeen.merge(category, at, Instants::max);
        }
        return new Purchases(Instants.min(first, at), Instants.max(last, at), orders + 1, days, archived, spend,
                latestCategories(categoriesSeen));
    }

    /** Moves purchase days at or before the horizon out of the record (they go to the archive). */
    Purchases archiveThrough(long horizonDay) {
        TreeSet<Long> kept = new TreeSet<>();
        long moved = 0;
        for (long day : recentDays) {
            if (day > horizonDay) kept.add(day); else moved++;
        }
        return moved == 0 ? this
                : new Purchases(first, last, orders, kept, archivedDays + moved, spendByCurrency, recentCategories);
    }

    /** Top categories by last purchase; keeping max-per-key then top-k is order-independent. */
    private static Map<String, Instant> latestCategories(Map<String, Instant> all) {
        Map<String, Instant> top = new LinkedHashMap<>();
        all.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(RECENT_CATEGORIES)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new TreeMap<>(top);
    }

    /** Whether a purchase falls on a day already counted, and where that day is kept. */
    sealed interface PurchaseDay {
        record Recent(long epochDay) implements PurchaseDay { }
        record NewArchived() implements PurchaseDay { }
        record KnownArchived() implements PurchaseDay { }
    }
}
