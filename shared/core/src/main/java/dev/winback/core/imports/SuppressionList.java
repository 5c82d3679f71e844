package dev.winback.core.imports;

import dev.winback.core.event.Channel;

import java.time.Instant;

/**
 * Addresses no customer holds that must get no message on a channel (an SMS STOP from an unknown
 * number, an imported opt-out of an address Winback does not know yet): delivery refuses them.
 */
public interface SuppressionList {

    /** Email and SMS: the channels whose addresses the contact index knows. */
    static boolean covers(Channel channel) {
        return channel == Channel.EMAIL || channel == Channel.SMS;
    }

    boolean suppressed(Channel channel, String address);

    void suppress(Channel channel, String address, Instant at);
}
