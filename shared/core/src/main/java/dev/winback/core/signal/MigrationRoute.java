package dev.winback.core.signal;

import dev.winback.core.event.Platform;

import java.util.Objects;

/** A move between platforms that is migration, not churn, e.g. from the website to the app. */
public record MigrationRoute(Platform from, Platform to) {

    public MigrationRoute {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("a route needs two platforms, was " + from + " to itself");
        }
    }

    /** Stable, for signal subjects: "web>app". */
    public String wireName() {
        return from.wireName() + ">" + to.wireName();
    }
}
