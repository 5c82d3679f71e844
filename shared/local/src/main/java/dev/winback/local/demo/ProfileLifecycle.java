package dev.winback.local.demo;

import dev.winback.core.event.EventPayload.ProfileUpdated;

import java.util.Optional;

/** The profile arrives early in a customer's life (sign-up or import); a few customers edit it later. */
final class ProfileLifecycle {

    private ProfileLifecycle() {
    }

    static void plan(CustomerFacts who, Rng rng, Milestones milestones) {
        Optional<String> email = who.emailKnown() ? Optional.of(Ids.email(who.customerId())) : Optional.empty();
        Optional<String> phone = who.phoneKnown() ? Optional.of(Ids.phone(rng.nextInt(10_000_000))) : Optional.empty();
        Optional<String> birthday = rng.chance(0.55) ? Optional.of(birthday(rng)) : Optional.empty();
        long at = who.joinAt() + rng.uniformLong(60, 180);
        milestones.add(at, who.joinedOn(), new ProfileUpdated(email, phone, Optional.of(who.region().zoneId()),
                Optional.of(who.locale()), birthday, Optional.empty()));

        long editableUntil = Math.min(who.lapseAt(), who.window().end());
        long editFrom = who.joinAt() + 10 * Window.DAY;
        if (editFrom >= editableUntil || !rng.chance(0.12)) {
            return;
        }
        long editAt = rng.uniformLong(editFrom, editableUntil);
        ProfileUpdated edit;
        if (birthday.isEmpty() && rng.chance(0.5)) {
            edit = new ProfileUpdated(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(birthday(rng)), Optional.empty());
        } else if (who.region().locales().size() > 1 && rng.chance(0.4)) {
            String other = who.region().locales().stream().filter(l -> !l.equals(who.locale())).findFirst().orElseThrow();
            edit = new ProfileUpdated(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(other),
                    Optional.empty(), Optional.empty());
        } else {
            edit = new ProfileUpdated(Optional.empty(), Optional.of(Ids.phone(rng.nextInt(10_000_000))),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        milestones.add(editAt, who.joinedOn(), edit);
    }

    private static String birthday(Rng rng) {
        int year = 1955 + rng.nextInt(52);
        int month = 1 + rng.nextInt(12);
        int day = 1 + rng.nextInt(28);
        return year + "-" + Ids.pad(month, 2) + "-" + Ids.pad(day, 2);
    }
}
