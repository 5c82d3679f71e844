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

    /**
     * Messages of a batch about to be sent, each claimed and checked, before any of their sends: a
     * sender that writes something before each send (a copy for the export) may write it for all of
     * them in one request. Every one of them still comes to {@link #send}, which must do for it
     * whatever this did not; by default nothing is done.
     */
    default void prepare(Collection<OutboundMessage> messages) {
    }
}
