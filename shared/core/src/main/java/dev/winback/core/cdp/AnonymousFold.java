package dev.winback.core.cdp;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.InstallState;
import dev.winback.core.record.PlatformActivity;
import dev.winback.core.record.Profile;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.SubscriptionStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * An anonymous customer's record, folded into the customer it turned out to be, as contract events
 * the customer's record merges by its ordinary rules. The record keeps registers, not the events
 * that made them, so only what a register can say again exactly is carried over:
 * <ul>
 *   <li>each profile field (email, phone, time zone, locale, birthday, push endpoint) at its own time;</li>
 *   <li>app and web activity: a session at the first and at the last time seen (so first and last seen
 *       are exact; the customer's session count grows by these one or two, not by the anonymous count);</li>
 *   <li>the app's install state: installs at the first and last install, an uninstall at the last one;</li>
 *   <li>an email opt-out (unsubscribed, complained, blocked). A fold never grants anything.</li>
 * </ul>
 * Purchases, message history, consent grants and preferences are not folded: their counts and sums
 * could only be carried over by inventing the events behind them.
 */
public final class AnonymousFold {

    private AnonymousFold() {
    }

    public static List<EngagementEvent> into(String customerId, EngagementRecord anonymous) {
        List<EngagementEvent> events = new ArrayList<>();
        Function<String, String> ids = kind -> "fold-" + UUID.nameUUIDFromBytes(
                (anonymous.customerId() + "|" + kind).getBytes(StandardCharsets.UTF_8));
        profile(anonymous.profile()).forEach((at, update) ->
                events.add(event(ids, customerId, "profile@" + at, at, Optional.empty(), update)));
        for (Platform platform : List.of(Platform.APP, Platform.WEB)) {
            PlatformActivity activity = anonymous.platform(platform);
            for (Instant at : distinct(activity.firstSeen(), activity.lastSeen())) {
                events.add(event(ids, customerId, platform.wireName() + "@" + at, at, Optional.of(platform),
                        new EventPayload.SessionStarted(platform)));
            }
        }
        InstallState install = anonymous.install();
        for (Instant at : distinct(install.firstInstalled(), install.lastInstalled())) {
            events.add(event(ids, customerId, "installed@" + at, at, Optional.of(Platform.APP),
                    new EventPayload.AppInstalled()));
        }
        if (install.lastUninstalled() != null) {
            events.add(event(ids, customerId, "uninstalled@" + install.lastUninstalled(), install.lastUninstalled(),
                    Optional.of(Platform.APP), new EventPayload.AppUninstalled()));
        }
        Stamped<SubscriptionStatus> email = anonymous.channel(Channel.EMAIL).subscription();
        if (email != null && email.value() != SubscriptionStatus.SUBSCRIBED) {
            events.add(new EngagementEvent(ids.apply("email@" + email.at()), customerId, email.at(), Optional.empty(),
                    new EventPayload.EmailSubscriptionChanged(EmailStatus.valueOf(email.value().name())),
                    email.received()));
        }
        return events;
    }

    /** One update per instant, with every field stamped at it. */
    private static TreeMap<Instant, EventPayload.ProfileUpdated> profile(Profile p) {
        TreeMap<Instant, EventPayload.ProfileUpdated> byTime = new TreeMap<>();
        List<Stamped<String>> fields = java.util.Arrays.asList(
                p.email(), p.phone(), p.timezone(), p.locale(), p.birthday(), p.pushEndpoint());
        for (Stamped<String> stamp : fields) {
            if (stamp == null || byTime.containsKey(stamp.at())) continue;
            Instant at = stamp.at();
            byTime.put(at, new EventPayload.ProfileUpdated(at(p.email(), at), at(p.phone(), at),
                    at(p.timezone(), at), at(p.locale(), at), at(p.birthday(), at), at(p.pushEndpoint(), at)));
        }
        return byTime;
    }

    private static Optional<String> at(Stamped<String> field, Instant at) {
        return field != null && field.at().equals(at) ? Optional.of(field.value()) : Optional.empty();
    }

    private static List<Instant> distinct(Instant first, Instant last) {
        List<Instant> times = new ArrayList<>();
        if (first != null) times.add(first);
        if (last != null && !last.equals(first)) times.add(last);
        return times;
    }

    private static EngagementEvent event(Function<String, String> ids, String customerId, String kind, Instant at,
                                         Optional<Platform> platform, EventPayload payload) {
        return new EngagementEvent(ids.apply(kind), customerId, at, platform, payload);
    }
}
