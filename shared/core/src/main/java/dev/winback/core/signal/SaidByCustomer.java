package dev.winback.core.signal;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.InstallState;
import dev.winback.core.record.Membership;
import dev.winback.core.record.PushPermission;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.Strength;
import dev.winback.core.record.SubscriptionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The signals the customer states: push opt-out, email withdrawal, membership cancellation, app
 * uninstall. Each holds from the event that said it until one that takes it back, so none depends
 * on the time of evaluation.
 */
final class SaidByCustomer {

    private SaidByCustomer() {
    }

    static List<Signal> detect(EngagementRecord record, SignalPolicy policy) {
        return Stream.of(pushOptOut(record, policy), emailWithdrawn(record),
                membershipCancelled(record), appUninstalled(record)).flatMap(Optional::stream).toList();
    }

    /**
     * Weak when it came within {@link SignalPolicy#earlyPushOptOut} of installing, or when push was
     * never on (declining the prompt says little: many people decline it for every app); strong when
     * the customer had opted in and then turned it off.
     */
    static Optional<Signal> pushOptOut(EngagementRecord record, SignalPolicy policy) {
        PushPermission push = record.pushPermission();
        if (push.granted() == null || push.granted().value()) return Optional.empty();
        Instant off = push.granted().at();
        Optional<Instant> installed = installedBefore(record, off);
        boolean soon = installed.isPresent() && off.isBefore(installed.get().plus(policy.earlyPushOptOut()));
        boolean wasOptedIn = push.lastGranted() != null && push.lastGranted().isBefore(off);
        String pushes = Outreach.sinceLastResponse(Channel.PUSH, record.channel(Channel.PUSH));
        if (soon) {
            String after = Wording.days(Duration.between(installed.get(), off));
            return Optional.of(new Signal.PushOptOut(true, Strength.WEAK, off, (wasOptedIn ? "turned push off " : "declined push ")
                    + after + " after installing (weak: many people decline push for every app)"));
        }
        if (!wasOptedIn) {
            return Optional.of(new Signal.PushOptOut(false, Strength.WEAK, off,
                    "declined push on " + Wording.date(off) + " without ever opting in (weak: they never wanted push)"));
        }
        String optedIn = Wording.days(Duration.between(push.lastGranted(), off));
        return Optional.of(new Signal.PushOptOut(false, Strength.STRONG, off,
                "turned push off after " + optedIn + " opted in; " + pushes));
    }

    /**
     * The install the opt-out happened under: the latest one before it, else the first (a reinstall
     * came later), else the first app session when installs are not reported.
     */
    private static Optional<Instant> installedBefore(EngagementRecord record, Instant at) {
        InstallState install = record.install();
        if (install.lastInstalled() != null && !install.lastInstalled().isAfter(at)) return Optional.of(install.lastInstalled());
        if (install.firstInstalled() != null && !install.firstInstalled().isAfter(at)) return Optional.of(install.firstInstalled());
        Instant firstSession = record.platform(Platform.APP).firstSeen();
        return firstSession != null && !firstSession.isAfter(at) ? Optional.of(firstSession) : Optional.empty();
    }

    /**
     * Unsubscribed, complained or blocked; a withdrawn marketing consent counts as unsubscribing
     * unless a later subscription took it back. Complaints and blocks are strong; an unsubscribe says
     * the channel is not valued, which is less about leaving the brand: medium.
     */
    static Optional<Signal> emailWithdrawn(EngagementRecord record) {
        ChannelState email = record.channel(Channel.EMAIL);
        String context = emailContext(email);
        Stamped<SubscriptionStatus> subscription = email.subscription();
        if (subscription != null && subscription.value() != SubscriptionStatus.SUBSCRIBED) {
            Instant at = subscription.at();
            return Optional.of(switch (subscription.value()) {
                case UNSUBSCRIBED -> new Signal.EmailWithdrawn(EmailStatus.UNSUBSCRIBED, Strength.MEDIUM, at,
                        "unsubscribed from email on " + Wording.date(at) + context);
                case COMPLAINED -> new Signal.EmailWithdrawn(EmailStatus.COMPLAINED, Strength.STRONG, at,
                        "marked email as spam on " + Wording.date(at) + context);
                case BLOCKED -> new Signal.EmailWithdrawn(EmailStatus.BLOCKED, Strength.STRONG, at,
                        "blocked the sender on " + Wording.date(at) + context);
                case SUBSCRIBED -> throw new IllegalStateException("unreachable: subscribed is not a withdrawal");
            });
        }
        Stamped<ConsentGrant> consent = email.consent().get(Purpose.MARKETING);
        boolean withdrawn = consent != null && !consent.value().granted()
                && (subscription == null || subscription.at().isBefore(consent.at()));
        if (!withdrawn) return Optional.empty();
        return Optional.of(new Signal.EmailWithdrawn(EmailStatus.UNSUBSCRIBED, Strength.MEDIUM, consent.at(),
                "withdrew email marketing consent on " + Wording.date(consent.at()) + context));
    }

    private static String emailContext(ChannelState email) {
        String clicks = email.lastEngaged() == null ? "never a click"
                : Wording.count(email.clicks(), "click") + ", the last on " + Wording.date(email.lastEngaged());
        return " (after " + Wording.messages(email.sends(), Channel.EMAIL) + ", " + clicks + ")";
    }

    /** Cancelling a paid membership is a deliberate step back from the brand: strong. */
    static Optional<Signal> membershipCancelled(EngagementRecord record) {
        Stamped<Membership.Tier> state = record.membership().state();
        if (state == null || state.value().status() != MembershipStatus.CANCELLED) return Optional.empty();
        Instant at = state.at();
        Instant started = record.membership().firstStarted();
        String tenure = started != null && started.isBefore(at)
                ? ", " + Wording.days(Duration.between(started, at)) + " after first joining" : "";
        return Optional.of(new Signal.MembershipCancelled(state.value().tier(), Strength.STRONG, at,
                "cancelled the " + state.value().tier() + " membership on " + Wording.date(at) + tenure));
    }

    /** The clearest signal of all: push is gone with the app. */
    static Optional<Signal> appUninstalled(EngagementRecord record) {
        InstallState install = record.install();
        if (install.installed() == null || install.installed().value()) return Optional.empty();
        Instant at = install.installed().at();
        StringBuilder why = new StringBuilder("uninstalled the app on ").append(Wording.date(at));
        if (install.lastInstalled() != null && install.lastInstalled().isBefore(at)) {
            why.append(", ").append(Wording.days(Duration.between(install.lastInstalled(), at))).append(" after installing it");
        }
        Instant lastSession = record.platform(Platform.APP).lastSeen();
        if (lastSession != null) why.append("; last app session ").append(Wording.date(lastSession));
        why.append("; ").append(Outreach.sinceLastResponse(Channel.PUSH, record.channel(Channel.PUSH)));
        return Optional.of(new Signal.AppUninstalled(Strength.STRONG, at, why.toString()));
    }
}
