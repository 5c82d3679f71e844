package dev.winback.core.preferences;

import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.QuietHours;
import dev.winback.core.record.SendLog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a customer submitted in the preference centre; only what they submitted, so anything absent
 * stays as it is.
 *
 * @param categories true for a category they want, false for one they mute
 * @param channels   true for a channel they want marketing on, false for one they withdraw it from
 * @param maxPerWeek at most this many marketing messages in any 7 days; 0 for no personal limit
 * @param quietHours local hours without interrupting messages; {@link QuietHours#NONE} for none
 */
public record PreferenceChoices(
        Map<MessageCategory, Boolean> categories,
        Map<Channel, Boolean> channels,
        Optional<Integer> maxPerWeek,
        Optional<QuietHours> quietHours,
        Optional<PauseChoice> pause) {

    public static final PreferenceChoices NOTHING = new PreferenceChoices(Map.of(), Map.of(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** The send log holds this many sends, so no weekly limit can be higher. */
    public static final int MAX_PER_WEEK = SendLog.CAPACITY;

    public PreferenceChoices {
        categories = Collections.unmodifiableMap(copy(categories, MessageCategory.class));
        channels = Collections.unmodifiableMap(copy(channels, Channel.class));
        Objects.requireNonNull(maxPerWeek, "maxPerWeek");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(pause, "pause");
        maxPerWeek.ifPresent(limit -> {
            if (limit < 0 || limit > MAX_PER_WEEK) throw new IllegalArgumentException("maxPerWeek out of range");
        });
    }

    public boolean isEmpty() {
        return equals(NOTHING);
    }

    /** Keeps the enum's order, which is the order the page shows them in. */
    private static <K extends Enum<K>> EnumMap<K, Boolean> copy(Map<K, Boolean> map, Class<K> type) {
        EnumMap<K, Boolean> copy = new EnumMap<>(type);
        copy.putAll(map);
        return copy;
    }
}
