package dev.winback.local.demo;

import dev.winback.core.event.Platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything drawn for one customer before any day is simulated: who they are, how active they are on each
 * platform, how they buy and answer messages, and their one-off lifecycle events.
 */
record CustomerPlan(
        int number,
        String customerId,
        Persona persona,
        Set<Trait> traits,
        Region region,
        long joinAt,
        List<PlatformActivity> activities,
        long lapseAt,
        Reachability reach,
        Responsiveness responsiveness,
        PurchaseRhythm rhythm,
        MessageRates messageRates,
        String favouriteCategory,
        int homeStore,
        List<Draft> milestones) {

    /** Marketing sends per day on each channel, and the chance of an in-app message at an app session. */
    record MessageRates(double emailPerDay, double pushPerDay, double smsPerDay, double inAppPerAppSession) {
    }

    CustomerPlan {
        activities = List.copyOf(activities);
        milestones = List.copyOf(milestones);
    }

    SyntheticCustomer customer() {
        return new SyntheticCustomer(customerId, persona, traits);
    }

    String currency() {
        return region.currency();
    }

    /** Expected visits per day on the platform; zero on the app while it is not installed. */
    double activityRate(Platform platform, long instant) {
        if (platform == Platform.APP && !reach.appInstalledAt(instant)) {
            return 0;
        }
        double rate = 0;
        for (PlatformActivity activity : activities) {
            if (activity.platform() == platform) {
                rate += activity.rateAt(instant);
            }
        }
        return rate;
    }

    /** Still reads, clicks and buys; after lapsing only privacy proxies keep "opening" mail. */
    boolean engagedAt(long instant) {
        return instant < lapseAt;
    }

    /**
     * Where a click lands: the online platform the customer uses most right now, else one they have taken up
     * by then. Empty for store-only customers, movers before they move and app-only customers without the app.
     */
    Optional<Platform> landingAt(long instant) {
        double app = activityRate(Platform.APP, instant);
        double web = activityRate(Platform.WEB, instant);
        if (app > 0 && app >= web) {
            return Optional.of(Platform.APP);
        }
        if (web > 0 || takenUp(Platform.WEB, instant)) {
            return Optional.of(Platform.WEB);
        }
        if (takenUp(Platform.APP, instant) && reach.appInstalledAt(instant)) {
            return Optional.of(Platform.APP);
        }
        return Optional.empty();
    }

    boolean uses(Platform platform) {
        return activities.stream().anyMatch(activity -> activity.platform() == platform);
    }

    private boolean takenUp(Platform platform, long instant) {
        return activities.stream().anyMatch(activity -> activity.platform() == platform && activity.from() <= instant);
    }
}
