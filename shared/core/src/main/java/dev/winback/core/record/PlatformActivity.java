package dev.winback.core.record;

import java.time.Instant;

/** Activity on one platform (app, web or store): sessions, visits and purchases made there. */
public record PlatformActivity(Instant firstSeen, Instant lastSeen, long count) {

    public static final PlatformActivity NONE = new PlatformActivity(null, null, 0);

    PlatformActivity seenAt(Instant at) {
        return new PlatformActivity(Instants.min(firstSeen, at), Instants.max(lastSeen, at), count + 1);
    }
}
