package dev.winback.core.record;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.Platform;
import dev.winback.core.outcome.Assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Everything Winback knows about one customer's engagement, in bounded space. Every field merges
 * by an order-independent rule (max or min of times, last-writer-wins registers, exact counters
 * guarded by {@link SeenEvents}), so any permutation of the same events yields the same record.
 *
 * <p>{@code evaluation} is what the evaluator last concluded (state, signals acted on, sunsets, next
 * deadline). Only the evaluator writes it; applying events carries it over unchanged.
 */
public record EngagementRecord(
        String customerId,
        Map<Platform, PlatformActivity> platforms,
        Purchases purchases,
        Map<Channel, ChannelState> channels,
        PushPermission pushPermission,
        Membership membership,
        InstallState install,
        Profile profile,
        List<RecentEvent> recent,
        SeenEvents seen,
        Evaluation evaluation,
        Preferences preferences,
        SendLog sendLog,
        Exposures exposures) {

    public static final int RECENT_EVENTS = 10;

    public EngagementRecord {
        Objects.requireNonNull(exposures, "exposures");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(sendLog, "sendLog");
        platforms = Map.copyOf(platforms);
        channels = Map.copyOf(channels);
        recent = List.copyOf(recent);
    }

    /** A record without open exposures. */
    public EngagementRecord(String customerId, Map<Platform, PlatformActivity> platforms, Purchases purchases,
                            Map<Channel, ChannelState> channels, PushPermission pushPermission, Membership membership,
                            InstallState install, Profile profile, List<RecentEvent> recent, SeenEvents seen,
                            Evaluation evaluation, Preferences preferences, SendLog sendLog) {
        this(customerId, platforms, purchases, channels, pushPermission, membership, install, profile, recent, seen,
                evaluation, preferences, sendLog, Exposures.NONE);
    }

    /** A record without preferences or logged sends. */
    public EngagementRecord(String customerId, Map<Platform, PlatformActivity> platforms, Purchases purchases,
                            Map<Channel, ChannelState> channels, PushPermission pushPermission, Membership membership,
                            InstallState install, Profile profile, List<RecentEvent> recent, SeenEvents seen,
                            Evaluation evaluation) {
        this(customerId, platforms, purchases, channels, pushPermission, membership, install, profile, recent, seen,
                evaluation, Preferences.NONE, SendLog.EMPTY);
    }

    /** A record that has never been evaluated. */
    public EngagementRecord(String customerId, Map<Platform, PlatformActivity> platforms, Purchases purchases,
                            Map<Channel, ChannelState> channels, PushPermission pushPermission, Membership membership,
                            InstallState install, Profile profile, List<RecentEvent> recent, SeenEvents seen) {
        this(customerId, platforms, purchases, channels, pushPermission, membership, install, profile, recent, seen,
                Evaluation.NONE);
    }

    public static EngagementRecord empty(String customerId) {
        return new EngagementRecord(customerId, Map.of(), Purchases.NONE, Map.of(), PushPermission.UNKNOWN,
                Membership.NONE, InstallState.UNKNOWN, Profile.EMPTY, List.of(), SeenEvents.NONE, Evaluation.NONE,
                Preferences.NONE, SendLog.EMPTY, Exposures.NONE);
    }

    public PlatformActivity platform(Platform platform) {
        return platforms.getOrDefault(platform, PlatformActivity.NONE);
    }

    public ChannelState channel(Channel channel) {
        return channels.getOrDefault(channel, ChannelState.NONE);
    }

    /** The last app, web or store activity, or null. */
    public Instant lastActive() {
        Instant last = null;
        for (PlatformActivity activity : platforms.values()) {
            last = Instants.max(last, activity.lastSeen());
        }
        return last;
    }

    /**
     * The record without its duplicate-detection bookkeeping and without the evaluator's conclusions:
     * what two equal histories must share.
     */
    public EngagementRecord engagementView() {
        return new EngagementRecord(customerId, platforms, purchases.archiveThrough(Long.MAX_VALUE), channels,
                pushPermission, membership, install, profile, recent, SeenEvents.NONE, Evaluation.NONE, preferences, sendLog,
                exposures);
    }

    /** The same engagement with the evaluator's new conclusions. */
    public EngagementRecord withEvaluation(Evaluation next) {
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, membership, install,
                profile, recent, seen, next, preferences, sendLog, exposures);
    }

    EngagementRecord withSeen(SeenEvents nextSeen) {
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, membership, install,
                profile, recent, nextSeen, evaluation, preferences, sendLog, exposures);
    }

    EngagementRecord withPurchases(Purchases next) {
        return new EngagementRecord(customerId, platforms, next, channels, pushPermission, membership, install,
                profile, recent, seen, evaluation, preferences, sendLog, exposures);
    }

    /** Applies one event known not to be a duplicate. */
    EngagementRecord applied(EngagementEvent event, Purchases.PurchaseDay purchaseDay) {
        Instant at = event.occurredAt();
        EngagementRecord r = withRecent(new RecentEvent(event.type(), at, detailOf(event)));
        return switch (event.payload()) {
            case EventPayload.SessionStarted s -> r.activeOn(s.platform(), at).convertedAt(at);
            case EventPayload.StoreVisited ignored -> r.activeOn(Platform.STORE, at).convertedAt(at);
            case EventPayload.PurchaseCompleted p -> {
                Set<String> categories = new TreeSet<>();
                for (LineItem item : p.items()) categories.add(item.category());
                EngagementRecord bought = r.withPurchases(
                        r.purchases.record(at, p.amount(), p.currency(), categories, purchaseDay));
                yield event.platform().map(platform -> bought.activeOn(platform, at)).orElse(bought).convertedAt(at);
            }
            case EventPayload.OrderStatusChanged ignored -> r;
            case EventPayload.MessageSent m -> {
                EngagementRecord sent = r.onChannel(m.channel(), c -> c.sentAt(at));
                if (!m.marketing()) yield sent;
                EngagementRecord logged = sent.withSendLog(sent.sendLog.with(m.channel(), at));
                yield m.measuredBy().map(unit -> logged.exposedTo(unit, Assignment.TREATED, at)).orElse(logged);
            }
            case EventPayload.MessageFeedback f -> {
                EngagementRecord withFeedback = r.onChannel(f.channel(), c -> c.feedback(f.kind(), at));
                yield switch (f.kind()) {
                    // A receipt proves the address works.
                    case DELIVERED -> withFeedback.onChannel(f.channel(),
                            c -> c.withReachability(new Stamped<>(Reachability.REACHABLE, at)));
                    case OPENED, CLICKED, CONVERTED -> withFeedback;
                };
            }
            case EventPayload.MessageFailed f -> {
                if (f.reason().addressGone()) {
                    yield r.onChannel(f.channel(), c -> c.withReachability(new Stamped<>(Reachability.UNREACHABLE, at)));
                }
                yield f.reason().transientFailure() ? r.onChannel(f.channel(), c -> c.failedAt(at)) : r;
            }
            case EventPayload.PushPermissionChanged p -> r.withPushPermission(
                    r.pushPermission.changed(p.granted(), at));
            case EventPayload.EmailSubscriptionChanged e -> r.onChannel(Channel.EMAIL,
                    c -> c.withSubscription(new Stamped<>(SubscriptionStatus.of(e.status()), at, event.receivedAt())));
            case EventPayload.SmsSubscriptionChanged s -> r.onChannel(Channel.SMS,
                    c -> c.withSubscription(new Stamped<>(SubscriptionStatus.of(s.status()), at, event.receivedAt())));
            case EventPayload.MembershipChanged m -> r.withMembership(
                    r.membership.changed(m.tier(), m.status(), at));
            case EventPayload.AppInstalled ignored -> r.withInstall(r.install.changed(true, at));
            case EventPayload.AppUninstalled ignored -> r.withInstall(r.install.changed(false, at))
                    .onChannel(Channel.PUSH,
                            c -> c.withReachability(new Stamped<>(Reachability.UNREACHABLE, at)));
            case EventPayload.ProfileUpdated p -> {
                EngagementRecord updated = r.withProfile(r.profile.updated(p, at));
                // A new address or endpoint is presumed reachable until feedback says otherwise.
                Stamped<Reachability> reachable = new Stamped<>(Reachability.REACHABLE, at);
                if (p.email().isPresent()) updated = updated.onChannel(Channel.EMAIL, c -> c.withReachability(reachable));
                if (p.phone().isPresent()) updated = updated.onChannel(Channel.SMS, c -> c.withReachability(reachable));
                if (p.pushEndpoint().isPresent()) {
                    updated = updated.onChannel(Channel.PUSH, c -> c.withReachability(reachable));
                }
                yield updated;
            }
            case EventPayload.PreferencesChanged p -> r.withPreferences(r.preferences.changed(p, at));
            // A review is noted in the recent list (and seen, for duplicates); it changes nothing else.
            case EventPayload.ReviewSubmitted ignored -> r;
            case EventPayload.SurveyAnswered s -> r.withProfile(r.profile.answered(s.question(), s.answer(), at));
            case EventPayload.ConsentChanged c -> r.onChannel(c.channel(), state -> state.withConsent(c.purpose(),
                    new Stamped<>(new ConsentGrant(c.granted(), c.source(), c.wordingVersion(),
                            c.messageId().isPresent() || c.ipAddress().isPresent()), at, event.receivedAt())));
        };
    }

    private static String detailOf(EngagementEvent event) {
        return switch (event.payload()) {
            case EventPayload.SessionStarted s -> s.platform().wireName();
            case EventPayload.StoreVisited ignored -> Platform.STORE.wireName();
            case EventPayload.PurchaseCompleted p -> p.currency() + " " + p.amount().toPlainString();
            case EventPayload.OrderStatusChanged o -> o.status();
            case EventPayload.MessageSent m -> m.channel().wireName();
            case EventPayload.MessageFeedback f -> f.channel().wireName();
            case EventPayload.MessageFailed f -> f.channel().wireName() + " " + f.reason().wireName();
            case EventPayload.PushPermissionChanged p -> p.granted() ? "granted" : "denied";
            case EventPayload.EmailSubscriptionChanged e -> e.status().wireName();
            case EventPayload.SmsSubscriptionChanged s -> s.status().wireName();
            case EventPayload.MembershipChanged m -> m.status().wireName();
            case EventPayload.AppInstalled ignored -> "";
            case EventPayload.AppUninstalled ignored -> "";
            case EventPayload.ProfileUpdated ignored -> "";
            case EventPayload.PreferencesChanged ignored -> "";
            case EventPayload.ReviewSubmitted v -> Integer.toString(v.rating());
            // The question's name, never the answer, which is personal data.
            case EventPayload.SurveyAnswered s -> s.question();
            case EventPayload.ConsentChanged c -> c.channel().wireName() + " " + c.purpose().wireName() + " "
                    + (c.granted() ? "granted" : "withdrawn");
        };
    }

    private EngagementRecord activeOn(Platform platform, Instant at) {
        Map<Platform, PlatformActivity> next = new EnumMap<>(Platform.class);
        next.putAll(platforms);
        next.put(platform, platform(platform).seenAt(at));
        return new EngagementRecord(customerId, next, purchases, channels, pushPermission, membership, install,
                profile, recent, seen, evaluation, preferences, sendLog, exposures);
    }

    private EngagementRecord onChannel(Channel channel, UnaryOperator<ChannelState> change) {
        Map<Channel, ChannelState> next = new EnumMap<>(Channel.class);
        next.putAll(channels);
        next.put(channel, change.apply(channel(channel)));
        return new EngagementRecord(customerId, platforms, purchases, next, pushPermission, membership, install,
                profile, recent, seen, evaluation, preferences, sendLog, exposures);
    }

    private EngagementRecord withRecent(RecentEvent event) {
        List<RecentEvent> next = new ArrayList<>(recent);
        next.add(event);
        next.sort(RecentEvent.NEWEST_FIRST);
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, membership, install,
                profile, next.size() > RECENT_EVENTS ? next.subList(0, RECENT_EVENTS) : next, seen, evaluation,
                preferences, sendLog, exposures);
    }

    private EngagementRecord withPushPermission(PushPermission next) {
        return new EngagementRecord(customerId, platforms, purchases, channels, next, membership, install, profile,
                recent, seen, evaluation, preferences, sendLog, exposures);
    }

    private EngagementRecord withMembership(Membership next) {
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, next, install,
                profile, recent, seen, evaluation, preferences, sendLog, exposures);
    }

    private EngagementRecord withInstall(InstallState next) {
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, membership, next,
                profile, recent, seen, evaluation, preferences, sendLog, exposures);
    }

    private EngagementRecord withProfile(Profile next) {
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, membership, install,
                next, recent, seen, evaluation, preferences, sendLog, exposures);
    }

    private EngagementRecord withPreferences(Preferences next) {
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, membership, install,
                profile, recent, seen, evaluation, next, sendLog, exposures);
    }

    /**
     * The same record exposed to {@code unit} at {@code at}: a message of the unit sent (through a
     * {@code message_sent} event naming it) or withheld from the customer.
     */
    public EngagementRecord exposedTo(String unit, Assignment group, Instant at) {
        return withExposures(exposures.exposed(unit, group, at));
    }

    /** A purchase or a return visit at {@code at} converts every open exposure whose window covers it. */
    private EngagementRecord convertedAt(Instant at) {
        return withExposures(exposures.converted(at));
    }

    private EngagementRecord withExposures(Exposures next) {
        if (next == exposures) return this;
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, membership, install,
                profile, recent, seen, evaluation, preferences, sendLog, next);
    }

    private EngagementRecord withSendLog(SendLog next) {
        return new EngagementRecord(customerId, platforms, purchases, channels, pushPermission, membership, install,
                profile, recent, seen, evaluation, preferences, next, exposures);
    }
}
