package dev.winback.core.record;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.ConversionWindow;
import dev.winback.core.outcome.OptOutCount;
import dev.winback.core.outcome.OutcomeCount;
import dev.winback.core.record.Exposures.Exposure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a record write adds to the opt-out counters: each channel whose marketing the write closed
 * (the marketing consent withdrawn, or the subscription ended) is one unsubscribe, and an email
 * subscription that became "complained" is one complaint instead. Each is attributed to the unit
 * of the customer's newest treated exposure whose window covers the opt-out: the last measured
 * message they were sent before it, within the conversion window. Feedback rarely names its
 * message (a one-click link names the customer and channel only; a complaint names the message but
 * not its unit), so the last touch is what the record can tell without a read. An opt-out with no
 * such exposure counts for no unit.
 *
 * <p>Counting changes of state, not events, keeps it once per opt-out whatever path brought it (a
 * link's withdrawal and its unsubscribe, a complaint's two events, a replay). Pure.
 */
public final class OptOutChanges {

    private OptOutChanges() {
    }

    public static List<OptOutCount> of(EngagementRecord before, EngagementRecord after) {
        if (after.exposures().isEmpty()) return List.of();
        List<OptOutCount> counts = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            ChannelState was = before.channel(channel);
            ChannelState is = after.channel(channel);
            boolean complained = channel == Channel.EMAIL && !complaint(was) && complaint(is);
            boolean unsubscribed = !complained && !optedOut(was) && optedOut(is);
            if (!complained && !unsubscribed) continue;
            Instant at = complained ? is.subscription().at() : optedOutAt(is);
            lastTouch(after.exposures(), at).ifPresent(exposure -> counts.add(new OptOutCount(exposure.unit(),
                    OutcomeCount.dayOf(exposure.at()), unsubscribed ? 1 : 0, complained ? 1 : 0)));
        }
        return OptOutCount.merged(counts);
    }

    private static boolean complaint(ChannelState state) {
        return state.subscription() != null && state.subscription().value() == SubscriptionStatus.COMPLAINED;
    }

    private static boolean optedOut(ChannelState state) {
        Stamped<ConsentGrant> marketing = state.consent().get(Purpose.MARKETING);
        if (marketing != null && !marketing.value().granted()) return true;
        SubscriptionStatus subscription = state.subscription() == null ? null : state.subscription().value();
        return subscription == SubscriptionStatus.UNSUBSCRIBED || subscription == SubscriptionStatus.COMPLAINED;
    }

    /** When the channel's marketing closed: the later of the registers that say so. */
    private static Instant optedOutAt(ChannelState state) {
        Instant at = null;
        Stamped<ConsentGrant> marketing = state.consent().get(Purpose.MARKETING);
        if (marketing != null && !marketing.value().granted()) at = marketing.at();
        if (state.subscription() != null && state.subscription().value() != SubscriptionStatus.SUBSCRIBED
                && state.subscription().value() != SubscriptionStatus.BLOCKED) {
            at = Instants.max(at, state.subscription().at());
        }
        return at;
    }

    /** The newest treated exposure sent at or before {@code at} whose window still covers it. */
    static Optional<Exposure> lastTouch(Exposures exposures, Instant at) {
        Exposure newest = null;
        for (Exposure exposure : exposures.open()) {
            if (exposure.group() != Assignment.TREATED || at == null) continue;
            boolean covers = !at.isBefore(exposure.at()) && !at.isAfter(ConversionWindow.endOf(exposure.at()));
            if (covers && (newest == null || exposure.at().isAfter(newest.at()))) newest = exposure;
        }
        return Optional.ofNullable(newest);
    }
}
