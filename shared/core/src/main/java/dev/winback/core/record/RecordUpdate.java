package dev.winback.core.record;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a customer's events to their record exactly once: duplicates are recognised by event id,
 * late events are checked against the archived months, and the window of recent ids is archived
 * when it grows too large. Pure: the caller loads the archive when {@link #needsArchive} says so and
 * stores what {@link Result} says.
 */
public final class RecordUpdate {

    private RecordUpdate() {
    }

    /**
     * APPLIED: now part of the record. DUPLICATE: already applied (the same id on the same day).
     * CONFLICTING_ID: the id was already applied to an event dated another day; refused.
     */
    public enum Outcome { APPLIED, DUPLICATE, CONFLICTING_ID }

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

    /**
     * Whether recognising duplicates among these events needs the customer's archive items (rare: an
     * event dated before the record's window, or whose id the record's filter says may be archived).
     * The caller then loads every archived month: an id resent with another date may sit under any.
     */
    public static boolean needsArchive(EngagementRecord record, List<EngagementEvent> events) {
        SeenEvents seen = record.seen();
        for (EngagementEvent event : events) {
            long hash = EventIds.hash(event.eventId());
            if (seen.contains(hash)) continue;
            if (seen.isLate(EventIds.epochDay(event.occurredAt())) || seen.mayBeArchived(hash)) return true;
        }
        return false;
    }

    /**
     * @param archive every archived month of the customer when {@link #needsArchive} says so, else
     *                empty (nothing in it would be consulted)
     */
    public static Result apply(EngagementRecord record, List<EngagementEvent> events, Map<YearMonth, ArchivedMonth> archive) {
        EngagementRecord current = record;
        List<Outcome> outcomes = new ArrayList<>(events.size());
        List<EngagementEvent> applied = new ArrayList<>();
        Map<YearMonth, Set<Long>> lateHashes = new HashMap<>();
        Map<YearMonth, Set<Long>> latePurchaseDays = new HashMap<>();
        for (EngagementEvent event : events) {
            long hash = EventIds.hash(event.eventId());
            long day = EventIds.epochDay(event.occurredAt());
            YearMonth month = EventIds.month(day);
            SeenEvents seen = current.seen();
            if (seen.contains(hash)) {
                outcomes.add(seen.dayOf(hash) == day ? Outcome.DUPLICATE : Outcome.CONFLICTING_ID);
                continue;
            }
            Optional<YearMonth> archivedIn = archivedMonth(hash, lateHashes, seen.isLate(day) || seen.mayBeArchived(hash)
                    ? archive : Map.of());
            if (archivedIn.isPresent()) {
                outcomes.add(archivedIn.get().equals(month) ? Outcome.DUPLICATE : Outcome.CONFLICTING_ID);
                continue;
            }
            if (!seen.isLate(day)) {
                current = current.withSeen(seen.with(hash, day))
                        .applied(event, new Purchases.PurchaseDay.Recent(day));
            } else {
                ArchivedMonth stored = archive.getOrDefault(month, ArchivedMonth.empty(month));
                lateHashes.computeIfAbsent(month, m -> new HashSet<>()).add(hash);
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

    /** The month an id is archived under, in the stored archive or among this batch's late events. */
    private static Optional<YearMonth> archivedMonth(long hash, Map<YearMonth, Set<Long>> batch,
                                                     Map<YearMonth, ArchivedMonth> archive) {
        for (Map.Entry<YearMonth, Set<Long>> month : batch.entrySet()) {
            if (month.getValue().contains(hash)) return Optional.of(month.getKey());
        }
        for (ArchivedMonth month : archive.values()) {
            if (month.eventHashes().contains(hash)) return Optional.of(month.month());
        }
        return Optional.empty();
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
        Set<Long> archivedNow = new HashSet<>();
        hashes.values().forEach(archivedNow::addAll);
        next = next.withSeen(next.seen().withArchived(archivedNow));
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
