package dev.winback.core.delivery;

import dev.winback.core.event.Channel;

/**
 * Sends on one channel through its provider. Implementations never throw for provider answers:
 * every outcome, including a lost response, is a {@link SendResult}.
 */
public interface ChannelSender {

    Channel channel();

    SendResult send(OutboundMessage message);
}
