package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Small questions tests ask of one customer's events. */
final class Timelines {

    private Timelines() {
    }

    /** Something only the customer does: visit, shop, click or buy. Receiving messages or renewals is not. */
    static boolean isActivity(EngagementEvent event) {
        return switch (event.type()) {
            case "session_started", "store_visited", "purchase_completed", "message_clicked", "message_converted" -> true;
            default -> false;
        };
    }

    static boolean isSessionOn(EngagementEvent event, Platform platform) {
        return event.payload() instanceof EventPayload.SessionStarted session && session.platform() == platform
                || platform == Platform.STORE && event.payload() instanceof EventPayload.StoreVisited;
    }

    static boolean isSent(EngagementEvent event, Channel channel) {
        return event.payload() instanceof EventPayload.MessageSent sent && sent.channel() == channel;
    }

    static long count(List<EngagementEvent> events, Predicate<EngagementEvent> which) {
        return events.stream().filter(which).count();
    }

    static long count(List<EngagementEvent> events, String type) {
        return count(events, event -> event.type().equals(type));
    }

    static Optional<Instant> first(List<EngagementEvent> events, Predicate<EngagementEvent> which) {
        return events.stream().filter(which).map(EngagementEvent::occurredAt).findFirst();
    }

    static Optional<Instant> last(List<EngagementEvent> events, Predicate<EngagementEvent> which) {
        return events.stream().filter(which).map(EngagementEvent::occurredAt).reduce((a, b) -> b);
    }
}
