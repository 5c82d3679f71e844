package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.signal.Signal;
import dev.winback.core.record.SignalType;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Which channel a signal is about, and which channels it takes away from marketing. */
final class SignalChannels {

    private SignalChannels() {
    }

    /** The channel the customer stopped answering or left, if the signal is about one. */
    static Optional<Channel> concerned(Signal signal) {
        return switch (signal) {
            case Signal.MessagesIgnored s -> Optional.of(s.channel());
            case Signal.PushOptOut s -> Optional.of(Channel.PUSH);
            case Signal.EmailWithdrawn s -> Optional.of(Channel.EMAIL);
            case Signal.AppUninstalled s -> Optional.of(Channel.PUSH);
            case Signal.IgnoresEveryChannel s -> Optional.empty();
            case Signal.PurchaseLapse s -> Optional.empty();
            case Signal.PlatformMigration s -> Optional.empty();
            case Signal.Lapsed s -> Optional.empty();
            case Signal.MembershipCancelled s -> Optional.empty();
        };
    }

    /**
     * Channels the customer closed to marketing by this kind of signal. An unsubscribe is a clear
     * message that email is not valued; an uninstall takes push and in-app messages with the app.
     */
    static Set<Channel> lost(SignalType type) {
        return switch (type) {
            case EMAIL_WITHDRAWN -> EnumSet.of(Channel.EMAIL);
            case PUSH_OPT_OUT -> EnumSet.of(Channel.PUSH);
            case APP_UNINSTALLED -> EnumSet.of(Channel.PUSH, Channel.IN_APP);
            case MESSAGES_IGNORED, IGNORES_EVERY_CHANNEL, PURCHASE_LAPSE, PLATFORM_MIGRATION, LAPSED,
                 MEMBERSHIP_CANCELLED -> EnumSet.noneOf(Channel.class);
        };
    }
}
