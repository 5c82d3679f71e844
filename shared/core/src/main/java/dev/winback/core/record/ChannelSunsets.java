package dev.winback.core.record;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

import java.util.Map;

/** A customer's sunset state on each channel; a channel not listed is active. */
public record ChannelSunsets(Map<Channel, SunsetState> byChannel) {

    public static final ChannelSunsets NONE = new ChannelSunsets(Map.of());

    public ChannelSunsets {
        byChannel = Map.copyOf(byChannel);
    }

    public SunsetState state(Channel channel) {
        return byChannel.getOrDefault(channel, SunsetState.ACTIVE);
    }

    public boolean allows(Channel channel, Purpose purpose) {
        return state(channel).allows(purpose);
    }
}
