package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;

import java.util.List;
import java.util.Set;

/**
 * Hands messages to the delivery path (the delivery queue). At least once: delivery's ledger
 * names each message by its key, so a message handed over twice is still sent once.
 */
@FunctionalInterface
public interface MessageRequests {

    /** @return the keys of the messages accepted; the others are to be handed over again later */
    Set<MessageKey> publish(List<DeliveryRequest> requests);
}
