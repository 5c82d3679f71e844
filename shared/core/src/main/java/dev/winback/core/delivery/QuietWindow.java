package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Stamped;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Quiet hours in the customer's own time zone. Computed on local date-times and converted back
 * through the zone's rules, so a window that spans a daylight-saving change still opens at the local
 * hour it names (08:00 is 08:00 on the morning after the clocks move).
 */
public final class QuietWindow {

    private QuietWindow() {
    }

    /** The quiet hours that apply to a marketing message on this channel, if any. */
    public static Optional<QuietHours> applying(Channel channel, Purpose purpose, EngagementRecord record,
                                                DeliveryPolicy policy) {
        if (purpose != Purpose.MARKETING) return Optional.empty();
        Optional<QuietHours> own = record.preferences().ownQuietHours();
        if (own.isPresent() && policy.interrupting().contains(channel)) {
            return own.get().isNone() ? Optional.empty() : own;
        }
        return policy.quietChannels().contains(channel) ? Optional.of(policy.quietHours()) : Optional.empty();
    }

    public static ZoneId zoneOf(EngagementRecord record, DeliveryPolicy policy) {
        Stamped<String> zone = record.profile().timezone();
        if (zone == null) return policy.defaultZone();
        try {
            return ZoneId.of(zone.value());
        } catch (DateTimeException e) {
            return policy.defaultZone();
        }
    }

    /** When the window next opens, if {@code now} is inside it; empty when sending is fine now. */
    public static Optional<Instant> opensAt(QuietHours hours, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (!hours.contains(local.toLocalTime())) return Optional.empty();
        LocalDateTime open = local.toLocalDate().atTime(hours.end());
        if (!open.isAfter(local.toLocalDateTime())) open = open.plusDays(1);
        // A local time in a spring-forward gap moves later by the gap; in an overlap the earlier offset wins.
        return Optional.of(ZonedDateTime.of(open, zone).toInstant());
    }
}
