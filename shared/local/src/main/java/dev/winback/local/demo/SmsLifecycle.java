package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload.SmsSubscriptionChanged;
import dev.winback.core.event.SmsStatus;

import java.util.Optional;

/** SMS is opt-in: some subscribe at sign-up or checkout, a few later in the preference centre; some reply STOP. */
final class SmsLifecycle {

    private SmsLifecycle() {
    }

    static void plan(CustomerFacts who, Rng rng, Milestones milestones) {
        if (!who.phoneKnown()) {
            return;
        }
        long subscribedAt;
        if (rng.chance(0.35)) {
            subscribedAt = who.joinAt() + rng.uniformLong(400, 600);
            if (!subscribe(who, milestones, subscribedAt, who.signupSource(rng))) {
                return;
            }
        } else if (rng.chance(0.06)) {
            long from = who.joinAt() + 7 * Window.DAY;
            long until = Math.min(who.lapseAt(), who.window().end());
            if (from >= until) {
                return;
            }
            subscribedAt = rng.uniformLong(from, until);
            if (!subscribe(who, milestones, subscribedAt, "preference_center")) {
                return;
            }
        } else {
            return;
        }
        if (rng.chance(0.18)) {
            long stopAt = subscribedAt + rng.uniformLong(3 * Window.DAY, 120 * Window.DAY);
            if (milestones.add(stopAt, Optional.empty(), new SmsSubscriptionChanged(SmsStatus.UNSUBSCRIBED))) {
                milestones.trait(Trait.SMS_UNSUBSCRIBED);
                milestones.add(stopAt + 1, Optional.empty(), Consents.marketing(Channel.SMS, false, "sms_stop"));
            }
        }
    }

    private static boolean subscribe(CustomerFacts who, Milestones milestones, long at, String source) {
        if (!milestones.add(at, who.joinedOn(), Consents.marketing(Channel.SMS, true, source))) {
            return false;
        }
        milestones.add(at + 1, Optional.empty(), new SmsSubscriptionChanged(SmsStatus.SUBSCRIBED));
        milestones.trait(Trait.SMS_SUBSCRIBED);
        return true;
    }
}
