package dev.winback.core.delivery;

import dev.winback.core.event.Channel;

import java.util.Collection;

/**
 * Sends on one channel through its provider. Implementations never throw for provider answers:
 * every outcome, including a lost response, is a {@link SendResult}.
 */
public interface ChannelSender {

    Channel channel();

    SendResult send(OutboundMessage message);

    /**
     * The addresses of a batch of deliveries this sender may soon be asked to send to: a sender that
     * reads something before each send (a suppression list) may read it for all of them in one
     * request. Sends to other addresses must work as well; by default nothing is read.
     */
    default void expect(Collection<String> addresses) {
    }
}
