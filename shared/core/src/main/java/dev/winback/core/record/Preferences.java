package dev.winback.core.record;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload.PreferencesChanged;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.QuietHours;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the customer chose in the preference centre, each field its own last-writer-wins register
 * (absent until first set). At the same instant the more restrictive value wins, as elsewhere in
 * the record, so the result does not depend on arrival order.
 */
public record Preferences(
        Stamped<Set<MessageCategory>> mutedCategories,
        Stamped<Set<Channel>> mutedChannels,
        Stamped<Integer> maxPerWeek,
        Stamped<QuietHours> quietHours,
        Stamped<Instant> pausedUntil) {

    public static final Preferences NONE = new Preferences(null, null, null, null, null);

    /** More muted is more restrictive; the sorted names only make the order total. */
    private static final Comparator<Set<MessageCategory>> MORE_MUTED = Comparator.<Set<MessageCategory>>comparingInt(Set::size)
            .thenComparing(set -> new TreeSet<>(set).toString());
    private static final Comparator<Set<Channel>> MORE_CHANNELS_MUTED = Comparator.<Set<Channel>>comparingInt(Set::size)
            .thenComparing(set -> new TreeSet<>(set).toString());
    /** A lower personal limit is more restrictive; 0 (no personal limit) is the least. */
    private static final Comparator<Integer> LOWER_LIMIT = Comparator.comparingInt(
            (Integer limit) -> limit == 0 ? Integer.MIN_VALUE : -limit);

    public boolean isEmpty() {
        return equals(NONE);
    }

    public Set<MessageCategory> mutedCategoriesOrEmpty() {
        return mutedCategories == null ? Set.of() : mutedCategories.value();
    }

    public Set<Channel> mutedChannelsOrEmpty() {
        return mutedChannels == null ? Set.of() : mutedChannels.value();
    }

    /** The personal weekly limit, if the customer set one. */
    public Optional<Integer> weeklyLimit() {
        return maxPerWeek == null || maxPerWeek.value() == 0 ? Optional.empty() : Optional.of(maxPerWeek.value());
    }

    public Optional<QuietHours> ownQuietHours() {
        return quietHours == null ? Optional.empty() : Optional.of(quietHours.value());
    }

    public Optional<Instant> pausedUntilInstant() {
        return pausedUntil == null ? Optional.empty() : Optional.of(pausedUntil.value());
    }

    Preferences changed(PreferencesChanged change, Instant at) {
        return new Preferences(
                change.mutedCategories().map(v -> Stamped.latest(mutedCategories, new Stamped<>(v, at), MORE_MUTED))
                        .orElse(mutedCategories),
                change.mutedChannels().map(v -> Stamped.latest(mutedChannels, new Stamped<>(v, at), MORE_CHANNELS_MUTED))
                        .orElse(mutedChannels),
                change.maxPerWeek().map(v -> Stamped.latest(maxPerWeek, new Stamped<>(v, at), LOWER_LIMIT))
                        .orElse(maxPerWeek),
                change.quietHours().map(v -> Stamped.latest(quietHours, new Stamped<>(v, at),
                        Comparator.<QuietHours>naturalOrder())).orElse(quietHours),
                change.pausedUntil().map(v -> Stamped.latest(pausedUntil, new Stamped<>(v, at),
                        Comparator.<Instant>naturalOrder())).orElse(pausedUntil));
    }
}
