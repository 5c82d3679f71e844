package dev.winback.core.sunset;

import dev.winback.core.event.Channel;
import dev.winback.core.record.ChannelState;

import dev.winback.core.record.SunsetState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sunset policy of each channel that has one. In-app messages reach only people who opened the
 * app, so they cannot pester anyone, and webhooks reach systems rather than people: neither has a
 * sunset by default.
 */
public record SunsetPolicies(Map<Channel, SunsetPolicy> byChannel) {

    public SunsetPolicies {
        byChannel = Map.copyOf(byChannel);
    }

    public static SunsetPolicies defaults() {
        Map<Channel, SunsetPolicy> policies = new EnumMap<>(Channel.class);
        policies.put(Channel.EMAIL, SunsetPolicy.EMAIL);
        policies.put(Channel.PUSH, SunsetPolicy.PUSH);
        policies.put(Channel.SMS, SunsetPolicy.SMS);
        return new SunsetPolicies(policies);
    }

    /** The campaigns of the last-chance messages, on whichever channel. */
    public Set<String> lastChanceCampaigns() {
        Set<String> campaigns = new TreeSet<>();
        byChannel.values().forEach(policy -> policy.lastChanceCampaign().ifPresent(campaigns::add));
        return campaigns;
    }

    public Optional<SunsetPolicy> forChannel(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    /**
     * The next sunset state of one channel. A channel without a policy is always active: if its
     * policy was removed from the configuration, a sunset in progress there is lifted.
     */
    public SunsetDecision evaluate(Channel channel, ChannelState state, SunsetState current, Instant now) {
        return evaluate(channel, state, state.sendsSinceEngagement(), current, now);
    }

    /** @param marketingSends the channel's recent marketing sends, among which a last chance is looked for */
    public SunsetDecision evaluate(Channel channel, ChannelState state, List<Instant> marketingSends,
                                   SunsetState current, Instant now) {
        Objects.requireNonNull(channel, "channel");
        SunsetPolicy policy = byChannel.get(channel);
        if (policy != null) {
            return policy.evaluate(state, marketingSends, current, now);
        }
        String why = channel.wireName() + " has no sunset policy";
        return switch (current) {
            case SunsetState.Active active -> SunsetDecision.stay(active, Optional.empty(), why);
            case SunsetState.LastChance lastChance ->
                    SunsetDecision.move(SunsetState.ACTIVE, SunsetAction.LIFT, Optional.empty(), why);
            case SunsetState.Sunset sunset ->
                    SunsetDecision.move(SunsetState.ACTIVE, SunsetAction.LIFT, Optional.empty(), why);
        };
    }
}
