package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.core.signal.Signal;
import dev.winback.core.record.ChannelSunsets;

import java.util.List;
import java.util.Optional;

/**
 * Narrows a planned channel list to the channels worth asking for, keeping the planned order. It
 * only chooses: the delivery side checks consent, preferences and caps again at send time, when
 * the record may have changed. Unknown facts do not remove a channel; a known "no" does.
 */
final class ChannelChoice {

    private ChannelChoice() {
    }

    static List<Channel> plan(PlannedAction planned, Signal signal, EngagementRecord record, ChannelSunsets sunsets) {
        return switch (planned.action().kind()) {
            case MESSAGE -> planned.channels().stream()
                    .filter(channel -> usable(channel, planned, signal, record, sunsets))
                    .toList();
            case CHANNEL_SETTING -> planned.channels();
            case AUDIENCE, NOTHING -> List.of();
        };
    }

    private static boolean usable(Channel channel, PlannedAction planned, Signal signal, EngagementRecord record,
                                  ChannelSunsets sunsets) {
        Purpose purpose = planned.purpose();
        Optional<Channel> concerned = SignalChannels.concerned(signal);
        if (planned.action().avoidsTheSignalsChannel() && concerned.isPresent() && concerned.get() == channel) {
            return false;
        }
        if (purpose == Purpose.MARKETING && SignalChannels.lost(signal.type()).contains(channel)) return false;
        return sunsets.allows(channel, purpose) && open(record, channel, purpose);
    }

    private static boolean open(EngagementRecord record, Channel channel, Purpose purpose) {
        ChannelState state = record.channel(channel);
        Stamped<Reachability> reachability = state.reachability();
        if (reachability != null && reachability.value() == Reachability.UNREACHABLE) return false;
        Stamped<ConsentGrant> consent = state.consent().get(purpose);
        if (consent != null && !consent.value().granted()) return false;
        Stamped<SubscriptionStatus> subscription = state.subscription();
        if (purpose == Purpose.MARKETING && subscription != null && subscription.value() != SubscriptionStatus.SUBSCRIBED) {
            return false;
        }
        return switch (channel) {
            case PUSH -> isNotKnownFalse(record.pushPermission().granted());
            case IN_APP -> isNotKnownFalse(record.install().installed());
            case EMAIL, SMS, WEBHOOK -> true;
        };
    }

    private static boolean isNotKnownFalse(Stamped<Boolean> fact) {
        return fact == null || fact.value();
    }
}
