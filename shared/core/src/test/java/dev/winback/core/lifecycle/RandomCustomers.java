package dev.winback.core.lifecycle;

import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Platform;
import dev.winback.core.signal.CustomerEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Seeded random customers shaped like real ones, so that properties cross the interesting thresholds:
 * visits in a rhythm on one to three platforms (often one taking over from another), purchases in a
 * rhythm, bursts of messages with the odd click, and now and then an opt-out, unsubscribe,
 * cancellation or uninstall. Times are whole seconds.
 */
final class RandomCustomers {

    private static final double[] GAP_DAYS = {0.2, 1, 2, 3, 6, 10, 20, 40, 90};

    private final Random random;

    RandomCustomers(long seed) {
        this.random = new Random(seed);
    }

    CustomerEvents next(String customerId) {
        return switch (random.nextInt(10)) {
            case 0, 1 -> mover(customerId);
            case 2 -> newcomer(customerId);
            case 3 -> stayedAfterComplaining(customerId);
            default -> anyone(customerId);
        };
    }

    /** Leaves one platform for another: the new one starts before the old one's last visit. */
    private CustomerEvents mover(String customerId) {
        CustomerEvents c = customer(customerId);
        Platform[][] routes = {{Platform.WEB, Platform.APP}, {Platform.STORE, Platform.WEB}, {Platform.STORE, Platform.APP}};
        Platform[] route = routes[random.nextInt(routes.length)];
        Duration oldGap = seconds((1 + random.nextInt(10)) * 86_400.0);
        int oldVisits = 5 + random.nextInt(30);
        c.visits(route[0], day(0), oldGap, oldVisits);
        Instant oldLast = day(0).plus(oldGap.multipliedBy(oldVisits - 1));
        Duration newGap = seconds((1 + random.nextInt(4)) * 86_400.0);
        c.visits(route[1], oldLast.minus(seconds(random.nextDouble() * 20 * 86_400)), newGap, 2 + random.nextInt(12));
        return c;
    }

    /** First seen a few days ago, coming almost daily. */
    private CustomerEvents newcomer(String customerId) {
        CustomerEvents c = customer(customerId);
        Platform platform = Platform.values()[random.nextInt(Platform.values().length)];
        c.visits(platform, day(random.nextInt(30)), seconds(86_400 * (0.5 + random.nextDouble())), 2 + random.nextInt(12));
        if (random.nextBoolean()) c.pushPermission(random.nextBoolean(), c.lastEvent());
        return c;
    }

    /** Complained or cancelled, then kept visiting daily for three to four more weeks. */
    private CustomerEvents stayedAfterComplaining(String customerId) {
        CustomerEvents c = customer(customerId);
        c.visits(Platform.WEB, day(0), Duration.ofDays(1), 60);
        Instant said = day(60 - 22 - random.nextInt(8));
        if (random.nextBoolean()) c.email(EmailStatus.COMPLAINED, said);
        else c.membership("gold", MembershipStatus.CANCELLED, said);
        return c;
    }

    private CustomerEvents anyone(String customerId) {
        CustomerEvents c = customer(customerId);
        Instant start = day(random.nextInt(60));
        boolean any = false;
        for (Platform platform : Platform.values()) {
            if (random.nextInt(3) == 0) continue;
            any = true;
            Duration gap = seconds(GAP_DAYS[random.nextInt(GAP_DAYS.length)] * 86_400 * (0.5 + random.nextDouble()));
            Instant from = start.plus(seconds(random.nextDouble() * 200 * 86_400));
            int count = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
            for (int i = 0; i < count; i++) {
                c.visit(platform, from.plus(gap.multipliedBy(i)).plus(seconds(random.nextDouble() * gap.toSeconds() * 0.3)));
            }
        }
        if (random.nextBoolean()) {
            Duration gap = seconds((5 + random.nextInt(80)) * 86_400.0);
            int count = 1 + random.nextInt(15);
            Instant from = start.plus(seconds(random.nextDouble() * 100 * 86_400));
            for (int i = 0; i < count; i++) c.purchase(from.plus(gap.multipliedBy(i)));
        }
        for (Channel channel : Channel.values()) {
            if (random.nextInt(5) >= 2) continue;
            int sends = random.nextInt(25);
            for (int i = 0; i < sends; i++) {
                Instant sent = at(start, 300);
                c.sent(channel, sent);
                int response = random.nextInt(20);
                if (response == 0) c.feedback(channel, MessageFeedbackKind.CLICKED, sent.plusSeconds(600));
                if (response == 1) c.feedback(channel, MessageFeedbackKind.CONVERTED, sent.plusSeconds(900));
                if (response < 6) c.feedback(channel, MessageFeedbackKind.OPENED, sent.plusSeconds(300));
            }
        }
        if (random.nextInt(3) == 0) {
            Instant installed = at(start, 200);
            c.installed(installed);
            if (random.nextBoolean()) c.pushPermission(true, installed.plusSeconds(30));
            if (random.nextBoolean()) c.pushPermission(false, installed.plus(seconds(random.nextDouble() * 20 * 86_400)));
            if (random.nextInt(3) == 0) c.uninstalled(at(installed, 150));
        }
        if (random.nextInt(5) == 0) c.email(EmailStatus.values()[random.nextInt(EmailStatus.values().length)], at(start, 250));
        if (random.nextInt(8) == 0) c.emailMarketingConsent(random.nextBoolean(), at(start, 250));
        if (random.nextInt(5) == 0) {
            Instant joined = at(start, 100);
            c.membership("gold", MembershipStatus.STARTED, joined);
            if (random.nextBoolean()) c.membership("gold", MembershipStatus.CANCELLED, at(joined, 200));
        }
        if (!any && random.nextBoolean()) c.visit(Platform.WEB, at(start, 30));
        if (c.events().isEmpty()) c.sent(Channel.EMAIL, start);
        return c;
    }

    /**
     * An evaluation instant after every event: right at the last one, mostly within two months (where
     * the states change), sometimes up to a year and a half later.
     */
    Instant evaluationAfter(CustomerEvents customer) {
        Instant last = customer.lastEvent();
        int pick = random.nextInt(8);
        if (pick == 0) return last;
        return last.plus(seconds(random.nextDouble() * (pick < 6 ? 60 : 550) * 86_400));
    }

    Random random() {
        return random;
    }

    private Instant at(Instant from, int withinDays) {
        return from.plus(seconds(random.nextDouble() * withinDays * 86_400));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofSeconds(Math.max(1, Math.round(seconds)));
    }
}
