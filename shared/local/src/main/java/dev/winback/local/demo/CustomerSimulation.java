package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.Platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays one customer's plan a day at a time: visits and sessions, purchases on the customer's rhythm and the
 * brand's marketing sends. Only the customer's own random stream is used, so the result does not depend on
 * which other customers are simulated alongside.
 */
final class CustomerSimulation {

    private final CustomerPlan plan;
    private final Rng rng;
    private final Window window;
    private final CustomerTimeline timeline;
    private final Shopping shopping;
    private final Outreach outreach;
    private final List<Platform> platformsUsed;
    private long nextPurchaseAt;

    CustomerSimulation(CustomerPlan plan, Rng rng, Window window) {
        this.plan = plan;
        this.rng = rng;
        this.window = window;
        this.timeline = new CustomerTimeline(plan.number(), plan.customerId(), window.end(), plan.milestones());
        this.shopping = new Shopping(plan, rng, timeline);
        this.outreach = new Outreach(plan, rng, timeline, shopping);
        this.nextPurchaseAt = plan.rhythm().firstAt();
        this.platformsUsed = Arrays.stream(Platform.values()).filter(plan::uses).toList();
    }

    /** Simulates day {@code day} of the window (from 0) and hands over the customer's events that fall in it. */
    void playDay(int day, Consumer<EngagementEvent> sink) {
        long dayStart = window.dayStart(day);
        long dayEnd = dayStart + Window.DAY;
        if (dayEnd > plan.joinAt()) {
            visits(dayStart);
            purchases(dayStart, dayEnd);
            sends(dayStart);
        }
        timeline.releaseBefore(dayEnd, sink);
    }

    private void visits(long dayStart) {
        long noon = dayStart + Window.DAY / 2;
        for (Platform platform : platformsUsed) {
            double expected = plan.activityRate(platform, Math.max(noon, plan.joinAt()));
            if (platform == Platform.STORE) {
                expected *= isWeekend(dayStart) ? 1.6 : 0.85;
            }
            int count = rng.poisson(expected);
            for (int i = 0; i < count; i++) {
                long at = hoursOf(platform).instantOn(dayStart, plan.region().utcOffsetHours(), rng);
                if (plan.activityRate(platform, at) > 0) {
                    visit(platform, at);
                }
            }
        }
    }

    private void visit(Platform platform, long at) {
        shopping.visit(platform, at);
        if (platform == Platform.APP && rng.chance(plan.messageRates().inAppPerAppSession())) {
            long shownAt = at + rng.uniformLong(3, 60);
            if (plan.reach().canSend(Channel.IN_APP, shownAt)) {
                outreach.send(Channel.IN_APP, shownAt);
            }
        }
    }

    /** Buys when the rhythm says so, on a platform the customer uses at the time, at a likely hour. */
    private void purchases(long dayStart, long dayEnd) {
        while (nextPurchaseAt < dayEnd) {
            long due = nextPurchaseAt;
            Platform platform = platformAt(due);
            if (platform != null) {
                long at = Math.max(hoursOf(platform).instantOn(dayStart, plan.region().utcOffsetHours(), rng),
                        plan.joinAt() + rng.uniformLong(Window.MINUTE, 30 * Window.MINUTE));
                if (plan.activityRate(platform, at) > 0 && shopping.visitAndBuy(platform, at).isPresent()) {
                    nextPurchaseAt = plan.rhythm().nextAfter(at, rng);
                    continue;
                }
            }
            // Not around to buy (lapsed, or gone from every platform): the purchase does not happen.
            nextPurchaseAt = plan.rhythm().nextAfter(due, rng);
        }
    }

    /** Weighted by how active the customer is on each platform; null when active nowhere. */
    private Platform platformAt(long instant) {
        double app = plan.activityRate(Platform.APP, instant);
        double web = plan.activityRate(Platform.WEB, instant);
        double store = plan.activityRate(Platform.STORE, instant);
        double total = app + web + store;
        if (total <= 0) {
            return null;
        }
        double roll = rng.nextDouble() * total;
        if (roll < app) {
            return Platform.APP;
        }
        return roll < app + web ? Platform.WEB : Platform.STORE;
    }

    private void sends(long dayStart) {
        CustomerPlan.MessageRates rates = plan.messageRates();
        send(Channel.EMAIL, rates.emailPerDay(), dayStart);
        send(Channel.PUSH, rates.pushPerDay(), dayStart);
        send(Channel.SMS, rates.smsPerDay(), dayStart);
    }

    private void send(Channel channel, double perDay, long dayStart) {
        if (!rng.chance(perDay)) {
            return;
        }
        long at = LocalHours.SENDING.instantOn(dayStart, plan.region().utcOffsetHours(), rng);
        if (plan.reach().canSend(channel, at)) {
            outreach.send(channel, at);
        }
    }

    private static LocalHours hoursOf(Platform platform) {
        return platform == Platform.STORE ? LocalHours.STORE_OPENING : LocalHours.BROWSING;
    }

    private static boolean isWeekend(long dayStart) {
        DayOfWeek day = LocalDate.ofEpochDay(Math.floorDiv(dayStart, Window.DAY)).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
