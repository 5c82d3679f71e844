package dev.winback.core.record;

import java.time.Instant;
import java.util.Comparator;

/**
 * A line in the record's bounded recent-activity list: what happened, when, and a non-personal
 * detail (platform, channel or status).
 */
public record RecentEvent(String type, Instant at, String detail) {

    /**
     * Newest first, then by content: a total order up to equal entries, which are interchangeable,
     * so the kept window does not depend on arrival order.
     */
    static final Comparator<RecentEvent> NEWEST_FIRST = Comparator.comparing(RecentEvent::at).reversed()
            .thenComparing(RecentEvent::type).thenComparing(RecentEvent::detail);
}
