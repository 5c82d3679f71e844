package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Stamped;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quiet hours in the customer's own time zone. Computed on local date-times and converted back
 * through the zone's rules, so a window that spans a daylight-saving change still opens at the local
 * hour it names (08:00 is 08:00 on the morning after the clocks move).
 *
 * <p>Marketing SMS and push never go out between 21:00 and 08:00 local time (the TCPA's calling
 * hours, kept everywhere): the {@link #FLOOR}. A customer's own quiet hours and the configured ones
 * add to it and never remove it. Where the zone is not known for sure, every zone the customer may
 * be in must be outside every window: the phone number's zones, else the {@link #US_ZONES}.
 */
public final class QuietWindow {

    /** The legal floor: no marketing SMS or push from 21:00 to 08:00 in the recipient's time. */
    public static final QuietHours FLOOR = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    public static final Set<Channel> FLOOR_CHANNELS = EnumSet.of(Channel.SMS, Channel.PUSH);
    /**
     * With neither a time zone nor a phone number, the floor must hold from Hawaii to New York (a
     * window of 18:00 to 01:00 UTC in summer): the strictest place the TCPA applies.
     */
    public static final List<ZoneId> US_ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"), ZoneId.of("America/Phoenix"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("America/Anchorage"), ZoneId.of("Pacific/Honolulu"));
    /** Beyond this no opening is searched: zones too far apart to share a window never open. */
    static final Duration SEARCH = Duration.ofDays(3);
    private static final int MAX_STEPS = 64;

    private QuietWindow() {
    }

    /**
     * Every window a message on this channel must stay out of: the legal floor on SMS and push, and
     * the customer's own quiet hours on interrupting channels, else the configured ones. Choosing
     * "no quiet hours" drops only the configured ones.
     */
    public static List<QuietHours> windows(Channel channel, Purpose purpose, EngagementRecord record,
                                           DeliveryPolicy policy) {
        if (purpose != Purpose.MARKETING) return List.of();
        Set<QuietHours> windows = new LinkedHashSet<>();
        if (FLOOR_CHANNELS.contains(channel)) windows.add(FLOOR);
        Optional<QuietHours> own = record.preferences().ownQuietHours();
        if (own.isPresent() && policy.interrupting().contains(channel)) {
            if (!own.get().isNone()) windows.add(own.get());
        } else if (policy.quietChannels().contains(channel) && !policy.quietHours().isNone()) {
            windows.add(policy.quietHours());
        }
        return List.copyOf(windows);
    }

    /** The zone the customer's settings are shown in: theirs, else the configured default. */
    public static ZoneId zoneOf(EngagementRecord record, DeliveryPolicy policy) {
        return ownZone(record).orElse(policy.defaultZone());
    }

    /**
     * Every zone the customer may be in: theirs when on file (and valid); else the zones of their
     * phone number; else the conservative {@link #US_ZONES}.
     */
    public static List<ZoneId> zonesOf(EngagementRecord record, DeliveryPolicy policy) {
        Optional<ZoneId> own = ownZone(record);
        if (own.isPresent()) return List.of(own.get());
        Optional<String> phone = Addresses.of(record, Channel.SMS);
        if (phone.isPresent()) {
            List<ZoneId> guessed = guess(policy.zoneGuess(), phone.get());
            if (!guessed.isEmpty()) return guessed;
        }
        return US_ZONES;
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

    /**
     * The first instant from {@code now} that lies outside every window in every zone; empty when that
     * is now. Each step jumps to the end of a window that holds, so every instant skipped is quiet
     * somewhere and the answer is the earliest. Zones so far apart that no instant within
     * {@link #SEARCH} suits all of them give {@link Instant#MAX}: never.
     */
    public static Optional<Instant> opensAt(List<QuietHours> windows, List<ZoneId> zones, Instant now) {
        Instant at = now;
        for (int step = 0; step < MAX_STEPS && !at.isAfter(now.plus(SEARCH)); step++) {
            Instant latest = null;
            for (ZoneId zone : zones) {
                for (QuietHours window : windows) {
                    Optional<Instant> opens = opensAt(window, zone, at);
                    if (opens.isPresent() && (latest == null || opens.get().isAfter(latest))) latest = opens.get();
                }
            }
            if (latest == null) return at.equals(now) ? Optional.empty() : Optional.of(at);
            at = latest;
        }
        return Optional.of(Instant.MAX);
    }

    private static Optional<ZoneId> ownZone(EngagementRecord record) {
        Stamped<String> zone = record.profile().timezone();
        if (zone == null) return Optional.empty();
        try {
            return Optional.of(ZoneId.of(zone.value()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** An adapter's guess, trusted only as far as it returns zones; a failing guess knows nothing. */
    private static List<ZoneId> guess(TimeZoneGuess zoneGuess, String phone) {
        try {
            List<ZoneId> zones = zoneGuess.zonesFor(phone);
            return zones == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(zones));
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
