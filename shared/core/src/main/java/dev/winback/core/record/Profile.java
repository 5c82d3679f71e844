package dev.winback.core.record;

import dev.winback.core.event.EventPayload.ProfileUpdated;

import java.time.Instant;
import java.util.Optional;

/**
 * Contact and personalisation fields, each its own last-writer-wins register so that updates of
 * different fields never overwrite each other. Personal data: never logged.
 */
public record Profile(
        Stamped<String> email,
        Stamped<String> phone,
        Stamped<String> timezone,
        Stamped<String> locale,
        Stamped<String> birthday,
        Stamped<String> pushEndpoint) {

    public static final Profile EMPTY = new Profile(null, null, null, null, null, null);

    Profile updated(ProfileUpdated update, Instant at, long tiebreak) {
        return new Profile(
                merge(email, update.email(), at, tiebreak),
                merge(phone, update.phone(), at, tiebreak),
                merge(timezone, update.timezone(), at, tiebreak),
                merge(locale, update.locale(), at, tiebreak),
                merge(birthday, update.birthday(), at, tiebreak),
                merge(pushEndpoint, update.pushEndpoint(), at, tiebreak));
    }

    private static Stamped<String> merge(Stamped<String> current, Optional<String> value, Instant at, long tiebreak) {
        return value.map(v -> Stamped.latest(current, new Stamped<>(v, at, tiebreak),
                String::compareTo)).orElse(current);
    }
}
