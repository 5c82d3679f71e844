package dev.winback.local.demo;

import dev.winback.core.event.EventPayload.SessionStarted;
import dev.winback.core.event.EventPayload.StoreVisited;
import dev.winback.core.event.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Draws one customer's plan from the customer's own random stream. */
final class CustomerPlanner {

    private CustomerPlanner() {
    }

    static CustomerPlan plan(int number, Rng rng, Window window) {
        CustomerFacts who = facts(number, rng, window);
        Milestones milestones = new Milestones(window.end());
        if (who.newInWindow()) {
            milestones.trait(Trait.NEW_IN_WINDOW);
        }
        boolean pushFatigued = AppLifecycle.plan(who, rng, milestones);
        firstVisit(who, rng, milestones);
        ProfileLifecycle.plan(who, rng, milestones);
        boolean emailed = EmailLifecycle.plan(who, rng, milestones);
        SmsLifecycle.plan(who, rng, milestones);
        MembershipLifecycle.plan(who, rng, milestones);

        long oneTimePurchaseAt = who.joinAt() + rng.uniformLong(10 * Window.MINUTE, 36 * Window.HOUR);
        List<PlatformActivity> activities = activities(who, rng, oneTimePurchaseAt);
        Responsiveness responsiveness = responsiveness(who, rng, emailed);
        if (responsiveness.privacyProxy()) {
            milestones.trait(Trait.PRIVACY_PROXY_OPENS);
        }
        List<Draft> drafts = milestones.drafts();
        return new CustomerPlan(
                number,
                who.customerId(),
                who.persona(),
                milestones.traits(),
                who.region(),
                who.joinAt(),
                activities,
                who.lapseAt(),
                Reachability.of(drafts, who.appInstalledBeforeWindow()),
                responsiveness,
                rhythm(who, rng, oneTimePurchaseAt),
                // Too many pushes is what drives the late opt-outs.
                new CustomerPlan.MessageRates(0.045, pushFatigued ? 0.16 : 0.04, 0.015, 0.12),
                rng.pick(Catalogue.CATEGORIES),
                who.homeStore(),
                drafts);
    }

    private static CustomerFacts facts(int number, Rng rng, Window window) {
        Persona persona = Persona.pick(rng);
        PlatformMix mix = PlatformMix.draw(persona, rng);
        Region region = Region.pick(rng);
        String locale = region.pickLocale(rng);
        boolean newInWindow = rng.chance(newCustomerShare(persona));
        // Existing customers are imported over the first two days: their profile and permissions arrive then.
        long joinAt = newInWindow
                ? window.at(rng.uniform(0.0, 0.75))
                : window.start() + rng.uniformLong(0, 2 * Window.DAY);
        long switchAt = persona == Persona.WEB_TO_APP_MIGRANT || persona == Persona.STORE_TO_WEB_MOVER
                ? window.at(rng.uniform(0.2, 0.55))
                : Window.NEVER;
        long lapseAt = persona == Persona.LAPSED
                ? Math.max(joinAt + 14 * Window.DAY, window.at(rng.uniform(0.3, 0.6)))
                : Window.NEVER;
        boolean emailKnown = rng.chance(mix == PlatformMix.STORE ? 0.55 : 0.95);
        boolean phoneKnown = rng.chance(0.5);
        return new CustomerFacts(number, Ids.customerId(number), persona, mix, region, locale, window, newInWindow,
                joinAt, newInWindow ? Draft.on(mix.primary()) : Optional.empty(),
                switchAt, lapseAt, emailKnown, phoneKnown, 1 + rng.nextInt(60));
    }

    private static double newCustomerShare(Persona persona) {
        return switch (persona) {
            case ONE_TIME_BUYER -> 1.0;
            case WEB_TO_APP_MIGRANT, STORE_TO_WEB_MOVER, LAPSED -> 0.0;
            case APP_ONLY, WEB_ONLY, STORE_ONLY, OMNICHANNEL, LOYAL_BUYER, MESSAGE_IGNORER -> 0.15;
        };
    }

    /** A new customer's sign-up is their first session (or store visit). */
    private static void firstVisit(CustomerFacts who, Rng rng, Milestones milestones) {
        if (!who.newInWindow()) {
            return;
        }
        Platform platform = who.mix().primary();
        long at = who.joinAt() + rng.uniformLong(5, 60);
        milestones.add(at, Draft.on(platform), platform == Platform.STORE
                ? new StoreVisited(Ids.storeId(who.homeStore()))
                : new SessionStarted(platform));
    }

    private static List<PlatformActivity> activities(CustomerFacts who, Rng rng, long oneTimePurchaseAt) {
        // Log-normal with mean 1: most customers near the persona's rate, a few much busier.
        double level = StrictMath.exp(0.5 * rng.gaussian() - 0.125);
        List<PlatformActivity> activities = new ArrayList<>();
        long from = who.joinAt();
        for (Platform platform : Platform.values()) {
            double perDay = who.mix().perDay(platform) * level;
            if (perDay > 0) {
                activities.add(PlatformActivity.steady(platform, perDay, from));
            }
        }
        switch (who.persona()) {
            case WEB_TO_APP_MIGRANT -> {
                long fadeTo = who.switchAt() + rng.uniformLong(10 * Window.DAY, 25 * Window.DAY);
                activities.replaceAll(activity -> PlatformActivity.fading(activity.platform(), activity.perDay(),
                        from, who.switchAt(), fadeTo));
                activities.add(PlatformActivity.steady(Platform.APP, PlatformMix.APP.perDay(Platform.APP) * level,
                        who.switchAt()));
            }
            case STORE_TO_WEB_MOVER -> {
                long fadeTo = who.switchAt() + rng.uniformLong(14 * Window.DAY, 30 * Window.DAY);
                activities.replaceAll(activity -> PlatformActivity.fading(activity.platform(), activity.perDay(),
                        from, who.switchAt(), fadeTo));
                activities.add(PlatformActivity.steady(Platform.WEB, PlatformMix.WEB.perDay(Platform.WEB) * level,
                        who.switchAt()));
            }
            case ONE_TIME_BUYER -> {
                long fadeFrom = oneTimePurchaseAt + rng.uniformLong(2 * Window.DAY, 10 * Window.DAY);
                long fadeTo = fadeFrom + rng.uniformLong(20 * Window.DAY, 45 * Window.DAY);
                activities.replaceAll(activity -> PlatformActivity.fading(activity.platform(), activity.perDay(),
                        from, fadeFrom, fadeTo));
            }
            case LAPSED -> activities.replaceAll(activity -> activity.stoppedAt(who.lapseAt()));
            case APP_ONLY, WEB_ONLY, STORE_ONLY, OMNICHANNEL, LOYAL_BUYER, MESSAGE_IGNORER -> {
                // Steady throughout.
            }
        }
        return activities;
    }

    private static PurchaseRhythm rhythm(CustomerFacts who, Rng rng, long oneTimePurchaseAt) {
        if (who.persona() == Persona.ONE_TIME_BUYER) {
            return new PurchaseRhythm.Once(oneTimePurchaseAt);
        }
        double meanGapDays = switch (who.persona()) {
            case LOYAL_BUYER -> rng.logUniform(10, 90);
            case STORE_ONLY -> rng.logUniform(30, 150);
            case APP_ONLY, WEB_ONLY, OMNICHANNEL, WEB_TO_APP_MIGRANT, STORE_TO_WEB_MOVER, ONE_TIME_BUYER, LAPSED,
                 MESSAGE_IGNORER -> rng.logUniform(45, 240);
        };
        // Loyal buyers are regular: gamma gaps with a higher shape cluster around their mean.
        double shape = who.persona() == Persona.LOYAL_BUYER ? rng.uniform(3, 6) : 1;
        long firstAt;
        if (who.newInWindow() && rng.chance(0.5)) {
            firstAt = who.joinAt() + rng.uniformLong(10 * Window.MINUTE, 2 * Window.DAY);
        } else {
            // Roughly where an ongoing rhythm would be when the window opens.
            firstAt = who.joinAt() + (long) (rng.nextDouble() * meanGapDays * Window.DAY);
        }
        return new PurchaseRhythm.Renewal(firstAt, meanGapDays, shape);
    }

    private static Responsiveness responsiveness(CustomerFacts who, Rng rng, boolean emailed) {
        // Apple Mail's privacy protection, among others; only matters for customers who are sent email.
        boolean privacyProxy = emailed && rng.chance(0.35);
        double factor = switch (who.persona()) {
            case MESSAGE_IGNORER -> 0;
            case LOYAL_BUYER -> 1.3;
            case OMNICHANNEL -> 1.15;
            case LAPSED -> 0.8;
            case ONE_TIME_BUYER -> 0.7;
            case APP_ONLY, WEB_ONLY, STORE_ONLY, WEB_TO_APP_MIGRANT, STORE_TO_WEB_MOVER -> 1.0;
        };
        if (factor == 0) {
            return Responsiveness.none(privacyProxy);
        }
        double engagement = factor * StrictMath.pow(rng.nextDouble(), 1.3);
        // Each customer answers best on one channel: the engine should learn which.
        int favourite = rng.nextInt(4);
        return new Responsiveness(
                clamp(0.05 + 0.40 * engagement * preference(favourite, 0)),
                clamp(0.02 + 0.18 * engagement * preference(favourite, 1)),
                clamp(0.02 + 0.12 * engagement * preference(favourite, 2)),
                clamp(0.25 + 0.50 * engagement * preference(favourite, 3)),
                clamp(0.08 + 0.30 * engagement),
                clamp(0.03 + 0.12 * engagement),
                privacyProxy);
    }

    private static double preference(int favourite, int channel) {
        return favourite == channel ? 1.6 : 0.7;
    }

    private static double clamp(double probability) {
        return Math.max(0, Math.min(0.95, probability));
    }
}
