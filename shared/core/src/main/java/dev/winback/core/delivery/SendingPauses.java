package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

/**
 * Pauses that hold for every customer, such as the account-health guard that stops marketing email
 * while the sending account's bounce or complaint rate is too high. A paused channel is skipped.
 */
public interface SendingPauses {

    SendingPauses NONE = (channel, purpose) -> false;

    boolean paused(Channel channel, Purpose purpose);
}
