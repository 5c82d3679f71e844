package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EventPayload.EmailSubscriptionChanged;

import java.util.Optional;

/**
 * Email permission: given at sign-up or import, lost by unsubscribing, complaining or blocking the sender.
 * Customers who ignore or have lapsed are likelier to leave the list.
 */
final class EmailLifecycle {

    private static final double UNSUBSCRIBE = 0.07;
    private static final double COMPLAIN = 0.012;
    private static final double BLOCK = 0.008;

    private EmailLifecycle() {
    }

    /** Returns whether the customer joined the marketing list, i.e. will be sent email. */
    static boolean plan(CustomerFacts who, Rng rng, Milestones milestones) {
        if (!who.emailKnown()) {
            return false;
        }
        long at = who.joinAt() + rng.uniformLong(200, 400);
        String source = who.signupSource(rng);
        milestones.add(at, who.joinedOn(), Consents.transactional(Channel.EMAIL, true, source));
        boolean subscribed = rng.chance(who.mix() == PlatformMix.STORE ? 0.6 : 0.8);
        if (!subscribed) {
            if (rng.chance(0.5)) {
                milestones.add(at + 1, who.joinedOn(), Consents.marketing(Channel.EMAIL, false, source));
            }
            return false;
        }
        milestones.add(at + 1, who.joinedOn(), Consents.marketing(Channel.EMAIL, true, source));
        milestones.add(at + 2, Optional.empty(), new EmailSubscriptionChanged(EmailStatus.SUBSCRIBED));

        double roll = rng.nextDouble() / fatigue(who.persona());
        long from = Math.max(at + 5 * Window.DAY, who.lapseAt() == Window.NEVER ? 0 : who.lapseAt());
        long until = who.window().end() + 30 * Window.DAY;
        long leaveAt = rng.uniformLong(from, until);
        if (roll < UNSUBSCRIBE) {
            leave(milestones, leaveAt, EmailStatus.UNSUBSCRIBED, Trait.EMAIL_UNSUBSCRIBED, "unsubscribe_link");
        } else if (roll < UNSUBSCRIBE + COMPLAIN) {
            leave(milestones, leaveAt, EmailStatus.COMPLAINED, Trait.EMAIL_COMPLAINED, "spam_complaint");
        } else if (roll < UNSUBSCRIBE + COMPLAIN + BLOCK) {
            // A block is the mailbox's doing, not a consent record.
            if (milestones.add(leaveAt, Optional.empty(), new EmailSubscriptionChanged(EmailStatus.BLOCKED))) {
                milestones.trait(Trait.EMAIL_BLOCKED);
            }
        }
        return true;
    }

    private static void leave(Milestones milestones, long at, EmailStatus status, Trait trait, String source) {
        if (milestones.add(at, Optional.empty(), new EmailSubscriptionChanged(status))) {
            milestones.trait(trait);
            milestones.add(at + 1, Optional.empty(), Consents.marketing(Channel.EMAIL, false, source));
        }
    }

    private static double fatigue(Persona persona) {
        return switch (persona) {
            case MESSAGE_IGNORER -> 2.2;
            case LAPSED -> 1.8;
            case APP_ONLY, WEB_ONLY, STORE_ONLY, OMNICHANNEL, WEB_TO_APP_MIGRANT, STORE_TO_WEB_MOVER, LOYAL_BUYER,
                 ONE_TIME_BUYER -> 1.0;
        };
    }
}
