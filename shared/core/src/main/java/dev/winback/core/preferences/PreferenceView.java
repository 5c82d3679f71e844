package dev.winback.core.preferences;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.QuietWindow;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.QuietHours;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Preferences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the preference centre shows: the customer's current choices as the record holds them, in
 * the terms they are chosen in.
 *
 * @param categories  every category, true where they receive it
 * @param channels    the offered channels
 * @param maxPerWeek  their personal weekly limit; 0 for none
 * @param quietHours  the quiet hours in force: their own, else the default; empty for none
 * @param pausedUntil the last local day of a pause still running
 * @param zone        their time zone (the profile's, else the default), which the hours and days are in
 */
public record PreferenceView(
        Map<MessageCategory, Boolean> categories,
        List<ChannelOption> channels,
        int maxPerWeek,
        Optional<QuietHours> quietHours,
        Optional<LocalDate> pausedUntil,
        ZoneId zone) {

    public PreferenceView {
        EnumMap<MessageCategory, Boolean> ordered = new EnumMap<>(MessageCategory.class);
        ordered.putAll(categories);
        categories = Collections.unmodifiableMap(ordered);
        channels = List.copyOf(channels);
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(pausedUntil, "pausedUntil");
        Objects.requireNonNull(zone, "zone");
    }

    public static PreferenceView of(EngagementRecord record, DeliveryPolicy policy, Instant now) {
        Preferences preferences = record.preferences();
        Map<MessageCategory, Boolean> categories = new EnumMap<>(MessageCategory.class);
        for (MessageCategory category : MessageCategory.values()) {
            categories.put(category, !preferences.mutedCategoriesOrEmpty().contains(category));
        }
        ZoneId zone = QuietWindow.zoneOf(record, policy);
        return new PreferenceView(categories, ChannelOption.offered(record), preferences.weeklyLimit().orElse(0),
                quietHoursInForce(record, policy), lastPausedDay(preferences, now, zone), zone);
    }

    /** Their own hours where they set some (none included), else the default. */
    static Optional<QuietHours> quietHoursInForce(EngagementRecord record, DeliveryPolicy policy) {
        QuietHours hours = record.preferences().ownQuietHours().orElse(policy.quietHours());
        return hours.isNone() ? Optional.empty() : Optional.of(hours);
    }

    /** A pause ends at an instant; the customer chose the day before it (or the day it falls in, if not midnight). */
    static Optional<LocalDate> lastPausedDay(Preferences preferences, Instant now, ZoneId zone) {
        return preferences.pausedUntilInstant().filter(until -> until.isAfter(now))
                .map(until -> until.minusNanos(1).atZone(zone).toLocalDate());
    }
}
