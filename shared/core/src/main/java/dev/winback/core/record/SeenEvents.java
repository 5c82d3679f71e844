package dev.winback.core.record;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which events the record already holds, so that a redelivered event changes nothing. Recent event
 * ids (64-bit hashes, by the day they occurred) live in the record; days at or before
 * {@code archivedThroughDay} have been moved to monthly archive items, which are read only for the
 * rare event that arrives that late. Exact forever, bounded in the record.
 *
 * @param ids      event-id hash to epoch day of occurrence
 * @param archived which ids the archive items may hold (whatever their month), so that an archived
 *                 id resent with another date is still recognised
 */
public record SeenEvents(long archivedThroughDay, Map<Long, Long> ids, ArchivedIdFilter archived) {

    /** Above this many ids the oldest days are archived... */
    public static final int WINDOW_MAX = 64;
    /** ...until at most this many remain (the newest day stays unless it alone exceeds the hard cap). */
    public static final int WINDOW_KEEP = 32;
    public static final int WINDOW_HARD_MAX = 256;
    public static final SeenEvents NONE = new SeenEvents(Long.MIN_VALUE, Map.of(), ArchivedIdFilter.EMPTY);

    public SeenEvents {
        ids = Map.copyOf(ids);
        java.util.Objects.requireNonNull(archived, "archived");
    }

    public SeenEvents(long archivedThroughDay, Map<Long, Long> ids) {
        this(archivedThroughDay, ids, ArchivedIdFilter.EMPTY);
    }

    boolean isLate(long epochDay) {
        return epochDay <= archivedThroughDay;
    }

    boolean contains(long hash) {
        return ids.containsKey(hash);
    }

    /** The day the window holds this id under; only for ids it {@link #contains}. */
    long dayOf(long hash) {
        return ids.get(hash);
    }

    /** Whether the id may be in an archive item, under any month: then only the archive can tell. */
    boolean mayBeArchived(long hash) {
        return archived.mightContain(hash);
    }

    SeenEvents with(long hash, long epochDay) {
        Map<Long, Long> more = new HashMap<>(ids);
        more.put(hash, epochDay);
        return new SeenEvents(archivedThroughDay, more, archived);
    }

    /** The same window, knowing these ids now live in archive items. */
    SeenEvents withArchived(java.util.Collection<Long> hashes) {
        return new SeenEvents(archivedThroughDay, ids, archived.with(hashes));
    }

    /** The last day to archive, or {@link Long#MIN_VALUE} when the window is within bounds. */
    long evictionHorizon() {
        if (ids.size() <= WINDOW_MAX) {
            return Long.MIN_VALUE;
        }
        TreeMap<Long, Integer> perDay = new TreeMap<>();
        ids.values().forEach(day -> perDay.merge(day, 1, Integer::sum));
        int remaining = ids.size();
        long horizon = Long.MIN_VALUE;
        for (Map.Entry<Long, Integer> day : perDay.entrySet()) {
            boolean newest = day.getKey().equals(perDay.lastKey());
            if (remaining <= WINDOW_KEEP || (newest && remaining <= WINDOW_HARD_MAX)) {
                break;
            }
            horizon = day.getKey();
            remaining -= day.getValue();
        }
        return horizon;
    }

    /** The ids at or before the horizon, and the window without them. */
    Map<Long, Long> idsThrough(long horizon) {
        Map<Long, Long> moved = new HashMap<>();
        ids.forEach((hash, day) -> {
            if (day <= horizon) moved.put(hash, day);
        });
        return moved;
    }

    SeenEvents archivedThrough(long horizon) {
        Map<Long, Long> kept = new HashMap<>();
        ids.forEach((hash, day) -> {
            if (day > horizon) kept.put(hash, day);
        });
        return new SeenEvents(Math.max(archivedThroughDay, horizon), kept, archived);
    }
}
