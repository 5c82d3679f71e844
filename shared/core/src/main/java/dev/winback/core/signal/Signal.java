package dev.winback.core.signal;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.Platform;

import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import java.time.Instant;

/**
 * A sign of disengagement, detected from the engagement record at an instant. Each carries when it
 * became true, how strong it is and a human-readable explanation built from the record (no
 * personal data), e.g. "no app, web or store activity for 41 days; usual gap 6 days".
 */
public sealed interface Signal {

    /** Stable machine name, used by the playbook and in idempotency keys. */
    SignalType type();

    Strength strength();

    /** When the signal became true (not when it was noticed). */
    Instant since();

    String explanation();

    /**
     * What the signal is about when a customer can have several of its type at once: the channel
     * ("email") or the route ("web>app"); empty for the others. Type, subject and {@link #since} name
     * one occurrence of a signal, e.g. in idempotency keys.
     */
    default String subject() {
        return switch (this) {
            case MessagesIgnored m -> m.channel().wireName();
            case PlatformMigration p -> p.from().wireName() + ">" + p.to().wireName();
            case IgnoresEveryChannel ignored -> "";
            case PurchaseLapse ignored -> "";
            case Lapsed ignored -> "";
            case PushOptOut ignored -> "";
            case EmailWithdrawn ignored -> "";
            case MembershipCancelled ignored -> "";
            case AppUninstalled ignored -> "";
        };
    }

    // ---- passive: behaviour fades

    /** Stopped engaging with messages on one channel while still active elsewhere. */
    record MessagesIgnored(Channel channel, Strength strength, Instant since, String explanation) implements Signal {
        public SignalType type() { return SignalType.MESSAGES_IGNORED; }
    }

    /**
     * Keeps visiting but ignores every channel: throttle, do not send more. Comes instead of, never
     * with, the per-channel {@link MessagesIgnored} signals: there is no other channel to retarget on.
     */
    record IgnoresEveryChannel(Strength strength, Instant since, String explanation) implements Signal {
        public SignalType type() { return SignalType.IGNORES_EVERY_CHANNEL; }
    }

    /** Stopped purchasing relative to the customer's own rhythm. */
    record PurchaseLapse(Strength strength, Instant since, String explanation) implements Signal {
        public SignalType type() { return SignalType.PURCHASE_LAPSE; }
    }

    /** Stopped on one platform while active on another: migration, not churn. Never together with {@link Lapsed}. */
    record PlatformMigration(Platform from, Platform to, Strength strength, Instant since, String explanation)
            implements Signal {
        public SignalType type() { return SignalType.PLATFORM_MIGRATION; }
    }

    /** Stopped everywhere: every platform the customer used is quiet by its own rhythm. */
    record Lapsed(Strength strength, Instant since, String explanation) implements Signal {
        public SignalType type() { return SignalType.LAPSED; }
    }

    // ---- active: the customer says it

    /**
     * Turned push off. Right after install it is weak (many people decline push for every app);
     * after having been opted in it is strong.
     */
    record PushOptOut(boolean soonAfterInstall, Strength strength, Instant since, String explanation) implements Signal {
        public SignalType type() { return SignalType.PUSH_OPT_OUT; }
    }

    /** Unsubscribed from email, complained or blocked the sender. */
    record EmailWithdrawn(EmailStatus status, Strength strength, Instant since, String explanation) implements Signal {
        public SignalType type() { return SignalType.EMAIL_WITHDRAWN; }
    }

    record MembershipCancelled(String tier, Strength strength, Instant since, String explanation) implements Signal {
        public SignalType type() { return SignalType.MEMBERSHIP_CANCELLED; }
    }

    record AppUninstalled(Strength strength, Instant since, String explanation) implements Signal {
        public SignalType type() { return SignalType.APP_UNINSTALLED; }
    }
}
