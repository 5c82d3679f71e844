package dev.winback.core.preferences;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.SubscriptionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel as the preference centre offers it. Only channels that can reach the customer are
 * offered: an address on file, or the app for push and in-app. A channel that a complaint, a block,
 * a dead address or the phone's own settings rule out is shown as unavailable with the reason, and
 * cannot be turned on from the centre: that would override something the customer or their
 * provider said more strongly elsewhere.
 *
 * @param consented   the customer's own yes to marketing on it, as {@code SendRules} reads it
 *                    (grant or withdrawal, else the channel's opt-in), blocks aside
 * @param muted       an integrator muted it ({@code mutedChannels} of {@code preferences_changed})
 * @param unavailable why it cannot be turned on, in words for the customer
 */
public record ChannelOption(Channel channel, boolean consented, boolean muted, Optional<String> unavailable) {

    public ChannelOption {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(unavailable, "unavailable");
    }

    /** Whether marketing may reach them here as far as they are concerned: what the page ticks. */
    public boolean on() {
        return consented && !muted;
    }

    /** The channels the centre offers this customer, in channel order. */
    public static List<ChannelOption> offered(EngagementRecord record) {
        List<ChannelOption> options = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (notOffered(record, channel).isEmpty()) options.add(of(record, channel));
        }
        return List.copyOf(options);
    }

    /** Why a channel is not offered at all, or empty when it is. */
    public static Optional<String> notOffered(EngagementRecord record, Channel channel) {
        return switch (channel) {
            case EMAIL -> present(record.profile().email()) ? Optional.empty()
                    : Optional.of("we have no email address for you");
            case SMS -> present(record.profile().phone()) ? Optional.empty()
                    : Optional.of("we have no phone number for you");
            case PUSH -> present(record.profile().pushEndpoint()) && !isFalse(record.install().installed())
                    ? Optional.empty() : Optional.of("our app is not installed on a device of yours");
            case IN_APP -> usesTheApp(record) ? Optional.empty() : Optional.of("you do not use our app");
            // Messenger opt-ins are collected where the messenger is named; the centre lets people
            // change them afterwards, but cannot word a first opt-in for a provider it does not know.
            case WEBHOOK -> present(record.profile().phone())
                    && record.channel(Channel.WEBHOOK).consent().containsKey(Purpose.MARKETING)
                    ? Optional.empty() : Optional.of("you have not joined our messenger updates");
        };
    }

    static ChannelOption of(EngagementRecord record, Channel channel) {
        ChannelState state = record.channel(channel);
        return new ChannelOption(channel, consented(record, channel, state),
                record.preferences().mutedChannelsOrEmpty().contains(channel), unavailable(record, channel, state));
    }

    /** Mirrors the marketing rules of {@code SendRules}: an unsubscribe wins, then a grant or withdrawal, then the opt-in. */
    private static boolean consented(EngagementRecord record, Channel channel, ChannelState state) {
        SubscriptionStatus subscription = state.subscription() == null ? null : state.subscription().value();
        if (subscription == SubscriptionStatus.UNSUBSCRIBED) return false;
        Stamped<ConsentGrant> consent = state.consent().get(Purpose.MARKETING);
        if (consent != null) return consent.value().granted();
        return switch (channel) {
            case EMAIL, SMS -> subscription == SubscriptionStatus.SUBSCRIBED;
            case PUSH -> isTrue(record.pushPermission().granted());
            case IN_APP -> true;
            case WEBHOOK -> false;
        };
    }

    private static Optional<String> unavailable(EngagementRecord record, Channel channel, ChannelState state) {
        if (state.reachability() != null && state.reachability().value() == Reachability.UNREACHABLE) {
            return Optional.of(switch (channel) {
                case EMAIL -> "Our emails to your address could not be delivered, so we have stopped sending them.";
                case SMS, WEBHOOK -> "Our messages to your phone number could not be delivered, so we have stopped sending them.";
                case PUSH -> "Notifications to your device could not be delivered. Open our app to turn them back on.";
                case IN_APP -> "Messages in our app could not be delivered.";
            });
        }
        SubscriptionStatus subscription = state.subscription() == null ? null : state.subscription().value();
        if (subscription == SubscriptionStatus.COMPLAINED) {
            return Optional.of("You reported one of our emails as spam, so we stopped marketing email. "
                    + "Contact us if you would like it back.");
        }
        if (subscription == SubscriptionStatus.BLOCKED) {
            return Optional.of("Your email provider is refusing our messages, so we stopped sending them.");
        }
        if (channel == Channel.SMS && dev.winback.core.record.SmsStop.isStop(state.consent().get(Purpose.MARKETING))) {
            return Optional.of("You texted STOP to us, so we stopped texting you. Text START to the same number "
                    + "to get our texts again.");
        }
        if (channel == Channel.PUSH && isFalse(record.pushPermission().granted())) {
            return Optional.of("Notifications from our app are turned off in your device's settings. "
                    + "Turn them on there first.");
        }
        return Optional.empty();
    }

    /** Some app use and no sign it was removed since. */
    private static boolean usesTheApp(EngagementRecord record) {
        Stamped<Boolean> installed = record.install().installed();
        if (installed != null) return installed.value();
        return record.platform(Platform.APP).lastSeen() != null;
    }

    private static boolean present(Stamped<String> field) {
        return field != null && !field.value().isBlank();
    }

    private static boolean isTrue(Stamped<Boolean> fact) {
        return fact != null && fact.value();
    }

    private static boolean isFalse(Stamped<Boolean> fact) {
        return fact != null && !fact.value();
    }
}
