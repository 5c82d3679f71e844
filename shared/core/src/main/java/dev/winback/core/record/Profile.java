package dev.winback.core.record;

import dev.winback.core.event.EventPayload.ProfileUpdated;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Contact and personalisation fields, each its own last-writer-wins register so that updates of
 * different fields never overwrite each other. Personal data: never logged.
 *
 * @param attributes answers to interest questions, question → answer, each its own register; at most
 *                   {@link ProfileAttributes#MAX} (see there for which are kept)
 */
public record Profile(
        Stamped<String> email,
        Stamped<String> phone,
        Stamped<String> timezone,
        Stamped<String> locale,
        Stamped<String> birthday,
        Stamped<String> pushEndpoint,
        Map<String, Stamped<String>> attributes) {

    public static final Profile EMPTY = new Profile(null, null, null, null, null, null);

    public Profile {
        attributes = Map.copyOf(attributes);
    }

    /** A profile without attributes. */
    public Profile(Stamped<String> email, Stamped<String> phone, Stamped<String> timezone, Stamped<String> locale,
                   Stamped<String> birthday, Stamped<String> pushEndpoint) {
        this(email, phone, timezone, locale, birthday, pushEndpoint, Map.of());
    }

    Profile updated(ProfileUpdated update, Instant at) {
        return new Profile(
                merge(email, update.email(), at),
                merge(phone, update.phone(), at),
                merge(timezone, update.timezone(), at),
                merge(locale, update.locale(), at),
                merge(birthday, update.birthday(), at),
                merge(pushEndpoint, update.pushEndpoint(), at),
                attributes);
    }

    /** The profile with an answer to {@code question} merged into its attributes. */
    Profile answered(String question, String answer, Instant at) {
        return new Profile(email, phone, timezone, locale, birthday, pushEndpoint,
                ProfileAttributes.merged(attributes, question, new Stamped<>(answer, at)));
    }

    private static Stamped<String> merge(Stamped<String> current, Optional<String> value, Instant at) {
        return value.map(v -> Stamped.latest(current, new Stamped<>(v, at),
                String::compareTo)).orElse(current);
    }
}
