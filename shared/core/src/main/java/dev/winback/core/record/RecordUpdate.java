package dev.winback.core.record;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a customer's events to their record exactly once: duplicates are recognised by event id,
 * late events are checked against the archived months, and the window of recent ids is archived
 * when it grows too large. Pure: the caller loads the months {@link #monthsToLoad} names and
 * stores what {@link Result} says.
 */
public final class RecordUpdate {

    private RecordUpdate() {
    }

    public enum Outcome { APPLIED, DUPLICATE }

    /**
     * @param record          the record to store
     * @param outcomes        one per input event, in input order
     * @param archiveAdditions what to add to each month's archive item (stored together with the record)
     * @param applied         the events applied (not duplicates), in input order: what else a store
     *                        writes with the record (the consent log) derives from them
     */
    public record Result(EngagementRecord record, List<Outcome> outcomes, Map<YearMonth, ArchivedMonth> archiveAdditions,
                         List<EngagementEvent> applied) {
        public boolean changed() {
            return outcomes.contains(Outcome.APPLIED);
        }
    }

    /** The archive months needed to recognise duplicates among these events (usually none). */
    public static Set<YearMonth> monthsToLoad(EngagementRecord record, List<EngagementEvent> events) {
        Set<YearMonth> months = new TreeSet<>();
        for (EngagementEvent event : events) {
            long day = EventIds.epochDay(event.occurredAt());
            if (record.seen().isLate(day)) months.add(EventIds.month(day));
        }
        return months;
    }

    public static Result apply(EngagementRecord record, List<EngagementEvent> events, Map<YearMonth, ArchivedMonth> archive) {
        EngagementRecord current = record;
        List<Outcome> outcomes = new ArrayList<>(events.size());
        List<EngagementEvent> applied = new ArrayList<>();
        Map<YearMonth, Set<Long>> lateHashes = new HashMap<>();
        Map<YearMonth, Set<Long>> latePurchaseDays = new HashMap<>();
        for (EngagementEvent event : events) {
            long hash = EventIds.hash(event.eventId());
            long day = EventIds.epochDay(event.occurredAt());
            SeenEvents seen = current.seen();
            if (!seen.isLate(day)) {
                if (seen.contains(hash)) {
                    outcomes.add(Outcome.DUPLICATE);
                    continue;
                }
                current = current.withSeen(seen.with(hash, day))
                        .applied(event, new Purchases.PurchaseDay.Recent(day));
            } else {
                YearMonth month = EventIds.month(day);
                ArchivedMonth stored = archive.getOrDefault(month, ArchivedMonth.empty(month));
                Set<Long> added = lateHashes.computeIfAbsent(month, m -> new HashSet<>());
                if (stored.eventHashes().contains(hash) || !added.add(hash)) {
                    outcomes.add(Outcome.DUPLICATE);
                    continue;
                }
                Purchases.PurchaseDay purchaseDay = new Purchases.PurchaseDay.KnownArchived();
                if (event.payload() instanceof EventPayload.PurchaseCompleted) {
                    Set<Long> days = latePurchaseDays.computeIfAbsent(month, m -> new HashSet<>());
                    if (!stored.purchaseDays().contains(day) && days.add(day)) {
                        purchaseDay = new Purchases.PurchaseDay.NewArchived();
                    }
                }
                current = current.applied(event, purchaseDay);
            }
            outcomes.add(Outcome.APPLIED);
            applied.add(event);
        }
        return archiveIfFull(current, outcomes, applied, lateHashes, latePurchaseDays);
    }

    private static Result archiveIfFull(EngagementRecord record, List<Outcome> outcomes, List<EngagementEvent> applied,
                                        Map<YearMonth, Set<Long>> hashes, Map<YearMonth, Set<Long>> purchaseDays) {
        long horizon = record.seen().evictionHorizon();
        EngagementRecord next = record;
        if (horizon != Long.MIN_VALUE) {
            record.seen().idsThrough(horizon).forEach((hash, day) ->
                    hashes.computeIfAbsent(EventIds.month(day), m -> new HashSet<>()).add(hash));
            for (long day : record.purchases().recentDays()) {
                if (day <= horizon) purchaseDays.computeIfAbsent(EventIds.month(day), m -> new HashSet<>()).add(day);
            }
            next = record.withSeen(record.seen().archivedThrough(horizon))
                    .withPurchases(record.purchases().archiveThrough(horizon));
        }
        Map<YearMonth, ArchivedMonth> additions = new HashMap<>();
        Set<YearMonth> months = new HashSet<>(hashes.keySet());
        months.addAll(purchaseDays.keySet());
        for (YearMonth month : months) {
            ArchivedMonth addition = ArchivedMonth.empty(month)
                    .plus(hashes.getOrDefault(month, Set.of()), purchaseDays.getOrDefault(month, Set.of()));
            if (!addition.isEmpty()) additions.put(month, addition);
        }
        return new Result(next, List.copyOf(outcomes), Map.copyOf(additions), List.copyOf(applied));
    }
}
