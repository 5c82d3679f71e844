package dev.winback.local.demo;

import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;

import java.util.Comparator;
import java.util.Optional;

/**
 * An event before it gets its id: ids are numbered in the order events are released, which is time order.
 * {@code seq} breaks ties between drafts at the same second in the order they were made.
 */
record Draft(long at, int seq, Optional<Platform> platform, EventPayload payload) {

    static final Comparator<Draft> CHRONOLOGICAL = Comparator.comparingLong(Draft::at).thenComparingInt(Draft::seq);

    private static final Optional<Platform> APP = Optional.of(Platform.APP);
    private static final Optional<Platform> WEB = Optional.of(Platform.WEB);
    private static final Optional<Platform> STORE = Optional.of(Platform.STORE);

    /** Shared instances: a base holds hundreds of thousands of events. */
    static Optional<Platform> on(Platform platform) {
        return switch (platform) {
            case APP -> APP;
            case WEB -> WEB;
            case STORE -> STORE;
        };
    }
}
