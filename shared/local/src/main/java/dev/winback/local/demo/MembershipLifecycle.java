package dev.winback.local.demo;

import dev.winback.core.event.EventPayload.MembershipChanged;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;

import java.util.Optional;

/** A monthly paid membership: started or already running, renewed every 30 days, sometimes cancelled. */
final class MembershipLifecycle {

    private static final long PERIOD = 30 * Window.DAY;

    private MembershipLifecycle() {
    }

    static void plan(CustomerFacts who, Rng rng, Milestones milestones) {
        if (!rng.chance(share(who.persona()))) {
            return;
        }
        String tier = rng.chance(0.7) ? "plus" : "premium";
        Optional<Platform> platform = Draft.on(who.mix().primary());
        long end = who.window().end();
        long cancelAt = Window.NEVER;
        if (who.persona() == Persona.LAPSED && rng.chance(0.6)) {
            cancelAt = who.lapseAt() + rng.uniformLong(3 * Window.DAY, 40 * Window.DAY);
        } else if (rng.chance(0.18)) {
            cancelAt = rng.uniformLong(who.joinAt() + 20 * Window.DAY, end + 60 * Window.DAY);
        }

        long renewAt;
        if (who.newInWindow() || rng.chance(0.25)) {
            long startAt = who.joinAt() + rng.uniformLong(Window.HOUR, 20 * Window.DAY);
            if (startAt >= Math.min(who.lapseAt(), cancelAt)
                    || !milestones.add(startAt, platform, new MembershipChanged(tier, MembershipStatus.STARTED))) {
                return;
            }
            milestones.trait(Trait.MEMBER);
            renewAt = startAt + PERIOD;
        } else {
            renewAt = who.joinAt() + rng.uniformLong(Window.HOUR, PERIOD);
        }
        // Renewals are billing, not customer activity: they go on after a customer lapses, until cancelled.
        while (renewAt < cancelAt
                && milestones.add(renewAt, Optional.empty(), new MembershipChanged(tier, MembershipStatus.RENEWED))) {
            milestones.trait(Trait.MEMBER);
            renewAt += PERIOD;
        }
        if (cancelAt != Window.NEVER
                && milestones.add(cancelAt, platform, new MembershipChanged(tier, MembershipStatus.CANCELLED))) {
            milestones.trait(Trait.MEMBER);
            milestones.trait(Trait.MEMBERSHIP_CANCELLED);
        }
    }

    private static double share(Persona persona) {
        return switch (persona) {
            case LOYAL_BUYER -> 0.35;
            case OMNICHANNEL -> 0.20;
            case LAPSED -> 0.15;
            case STORE_ONLY -> 0.08;
            case ONE_TIME_BUYER -> 0.02;
            case APP_ONLY, WEB_ONLY, WEB_TO_APP_MIGRANT, STORE_TO_WEB_MOVER, MESSAGE_IGNORER -> 0.07;
        };
    }
}
