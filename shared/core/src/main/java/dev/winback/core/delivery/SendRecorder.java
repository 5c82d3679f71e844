package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
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
}
