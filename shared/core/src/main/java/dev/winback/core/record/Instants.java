package dev.winback.core.record;

import java.time.Instant;

/** Null-tolerant min/max: the merge operators for first-seen and last-seen times. */
final class Instants {

    private Instants() {
    }

    static Instant max(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    static Instant min(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
