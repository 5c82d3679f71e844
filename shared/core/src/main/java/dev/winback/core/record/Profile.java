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

    Profile updated(ProfileUpdated update, Instant at) {
        return new Profile(
                merge(email, update.email(), at),
                merge(phone, update.phone(), at),
                merge(timezone, update.timezone(), at),
                merge(locale, update.locale(), at),
                merge(birthday, update.birthday(), at),
                merge(pushEndpoint, update.pushEndpoint(), at));
    }

    private static Stamped<String> merge(Stamped<String> current, Optional<String> value, Instant at) {
        return value.map(v -> Stamped.latest(current, new Stamped<>(v, at),
                String::compareTo)).orElse(current);
    }
}
