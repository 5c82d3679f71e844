package dev.winback.core.signal;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Platform;
import dev.winback.core.model.RiskThreshold;
import dev.winback.core.record.ChannelState;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every threshold the {@link SignalDetector} uses, as named values.
 *
 * @param usualGap          how a customer's usual gap between visits is estimated per platform
 * @param platformQuiet     when a platform counts as quiet for this customer; quiet everywhere is
 *                          {@link Signal.Lapsed}, quiet on one platform while a newer one is not is
 *                          {@link Signal.PlatformMigration}. One threshold for both, so that a migration
 *                          (the new platform is not quiet) can never also be a lapse
 * @param migrationRoutes   the moves that are migration, not churn, in order of preference when a
 *                          quiet platform could have moved to two others
 * @param migrationOverlap  how long before the old platform's last visit the new one may have started
 *                          and still count as taking over: people try the app for a while before they
 *                          drop the website
 * @param watchedChannels   channels whose silence means something; webhooks carry no engagement
 *                          feedback
 * @param ignoredSends      sends since the last click or conversion on a channel that make it ignored
 *                          (opens do not count: privacy proxies open mail by themselves); at most
 *                          {@link ChannelState#SEND_HISTORY}, the most the record counts
 * @param everyChannel      how many messaged channels must all be ignored to call it every channel;
 *                          with fewer, another channel is still worth a try
 * @param stillVisiting     how recent the last visit must be for a customer who ignores messages to
 *                          count as still visiting
 * @param earlyPushOptOut   a push opt-out this soon after installing is weak: many people decline push
 *                          for every app
 * @param purchaseRisk      when the purchase model calls a buyer at risk; its at-risk moment starts a
 *                          {@link Signal.PurchaseLapse}
 */
public record SignalPolicy(
        UsualGap usualGap,
        QuietThreshold platformQuiet,
        List<MigrationRoute> migrationRoutes,
        Duration migrationOverlap,
        Set<Channel> watchedChannels,
        int ignoredSends,
        int everyChannel,
        Duration stillVisiting,
        Duration earlyPushOptOut,
        RiskThreshold purchaseRisk) {

    public SignalPolicy {
        Objects.requireNonNull(usualGap, "usualGap");
        Objects.requireNonNull(platformQuiet, "platformQuiet");
        Objects.requireNonNull(migrationOverlap, "migrationOverlap");
        Objects.requireNonNull(stillVisiting, "stillVisiting");
        Objects.requireNonNull(earlyPushOptOut, "earlyPushOptOut");
        Objects.requireNonNull(purchaseRisk, "purchaseRisk");
        migrationRoutes = List.copyOf(migrationRoutes);
        watchedChannels = Set.copyOf(watchedChannels);
        if (ignoredSends < 1 || ignoredSends > ChannelState.SEND_HISTORY) {
            throw new IllegalArgumentException("ignoredSends must be in [1, " + ChannelState.SEND_HISTORY
                    + "] (the record counts no further), was " + ignoredSends);
        }
        if (everyChannel < 1) {
            throw new IllegalArgumentException("everyChannel must be >= 1, was " + everyChannel);
        }
        requireNotNegative("migrationOverlap", migrationOverlap);
        requireNotNegative("stillVisiting", stillVisiting);
        requireNotNegative("earlyPushOptOut", earlyPushOptOut);
    }

    /**
     * <ul>
     * <li>usual gap: 7 days assumed below 4 visits, clamped to [1 day, 45 days] (so a lapse comes at
     *     most 180 days into a silence);
     * <li>a platform is quiet after 4 usual gaps, at least 14 days: by chance alone a silence that long
     *     happens to fewer than 2% of customers keeping their rhythm;
     * <li>migration: store to web, store to app, web to app (the moves toward a richer platform the
     *     brief names; app to web usually follows an uninstall, which has its own signal), the new
     *     platform started at most 90 days before the old one's last visit;
     * <li>messages ignored: 8 sends on email, SMS, push or in-app since the last click or conversion,
     *     while the last visit is within 30 days; every channel means at least 2 of them;
     * <li>push opt-out within 7 days of installing is weak;
     * <li>purchase lapse: under 0.2 purchases expected in the next 13 weeks.
     * </ul>
     */
    public static SignalPolicy defaults() {
        return new SignalPolicy(
                new UsualGap(Duration.ofDays(7), 4, Duration.ofDays(1), Duration.ofDays(45)),
                new QuietThreshold(4, Duration.ofDays(14)),
                List.of(new MigrationRoute(Platform.STORE, Platform.WEB),
                        new MigrationRoute(Platform.STORE, Platform.APP),
                        new MigrationRoute(Platform.WEB, Platform.APP)),
                Duration.ofDays(90),
                EnumSet.of(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.IN_APP),
                8,
                2,
                Duration.ofDays(30),
                Duration.ofDays(7),
                new RiskThreshold(Duration.ofDays(91), 0.2));
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
