package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.signal.Signal;
import dev.winback.core.record.Strength;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a rule applies, beyond its signal. All present conditions must hold; none means always.
 *
 * @param minStrength               the signal is at least this strong
 * @param engagedElsewhereWithinDays the customer clicked or converted within this many days on a
 *                                  channel other than the one the signal is about (any channel when
 *                                  the signal is about none): the evidence that they are likely to
 *                                  engage, which permission renewal requires
 */
public record RuleConditions(Optional<Strength> minStrength, Optional<Integer> engagedElsewhereWithinDays) {

    public static final RuleConditions ALWAYS = new RuleConditions(Optional.empty(), Optional.empty());
    public static final int MAX_DAYS = 3650;

    public RuleConditions {
        Objects.requireNonNull(minStrength, "minStrength");
        Objects.requireNonNull(engagedElsewhereWithinDays, "engagedElsewhereWithinDays");
        engagedElsewhereWithinDays.ifPresent(days -> {
            if (days < 1 || days > MAX_DAYS) {
                throw new IllegalArgumentException("engagedElsewhereWithinDays must be from 1 to " + MAX_DAYS);
            }
        });
    }

    public boolean isAlways() {
        return weakestStrength() == Strength.WEAK && engagedElsewhereWithinDays.isEmpty();
    }

    public boolean matches(Signal signal, EngagementRecord record, Instant now) {
        if (signal.strength().compareTo(weakestStrength()) < 0) return false;
        return engagedElsewhereWithinDays.map(days -> engagedElsewhere(signal, record, now.minus(Duration.ofDays(days))))
                .orElse(true);
    }

    /** Every signal and record these conditions match, {@code narrower} matches too or is stricter. */
    boolean covers(RuleConditions narrower) {
        boolean strength = weakestStrength().compareTo(narrower.weakestStrength()) <= 0;
        boolean engagement = engagedElsewhereWithinDays.isEmpty() || narrower.engagedElsewhereWithinDays
                .map(days -> days <= engagedElsewhereWithinDays.get()).orElse(false);
        return strength && engagement;
    }

    private Strength weakestStrength() {
        return minStrength.orElse(Strength.WEAK);
    }

    private static boolean engagedElsewhere(Signal signal, EngagementRecord record, Instant since) {
        Optional<Channel> concerned = SignalChannels.concerned(signal);
        for (Map.Entry<Channel, ChannelState> entry : record.channels().entrySet()) {
            if (concerned.isPresent() && concerned.get() == entry.getKey()) continue;
            Instant engaged = entry.getValue().lastEngaged();
            if (engaged != null && !engaged.isBefore(since)) return true;
        }
        return false;
    }
}
