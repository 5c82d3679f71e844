package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.record.StoredRecord;

import java.time.Instant;

/**
 * Tells the engagement record about a send (a {@code message_sent} event, idempotent by message id),
 * so caps and sunsets count it from the next message on.
 */
public interface SendRecorder {

    SendRecorder NONE = (read, messageId, channel, purpose, at) -> true;

    /**
     * @param read the record as delivery read it before sending (a write can start from it)
     * @return false when it could not be recorded now (reported by the implementation)
     */
    boolean sent(StoredRecord read, String messageId, Channel channel, Purpose purpose, Instant at);

    /**
     * A send of a message measured by {@code unit}: recorded as {@link #sent}, and a marketing one
     * also exposes the customer to the unit, in the same write.
     */
    default boolean sent(StoredRecord read, String messageId, Channel channel, Purpose purpose, String unit,
                         Instant at) {
        return sent(read, messageId, channel, purpose, at);
    }

    /**
     * A marketing message of {@code unit} withheld from the customer (held out, or in the control
     * group): exposes them to the unit as the comparison group. Nothing is recorded by default.
     *
     * @return false when it could not be recorded now (reported by the implementation)
     */
    default boolean withheld(StoredRecord read, String unit, Assignment group, Instant at) {
        return true;
    }
}
