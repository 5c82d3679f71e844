package dev.winback.core.imports;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a suppression or consent list: an address's consent on a channel, as another system
 * recorded it. Personal data (the address, the IP address): never logged.
 *
 * @param date      when it was given or withdrawn, if the list says; an undated withdrawal counts
 *                  from the import (it beats every grant received before it)
 * @param ipAddress evidence of a grant: where it was made
 * @param messageId evidence of a grant: the message it answered
 */
public record SuppressionRow(long line, Channel channel, String address, Purpose purpose, boolean granted,
                             Optional<Instant> date, Optional<String> ipAddress, Optional<String> messageId)
        implements SuppressionListLine {
    public SuppressionRow {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(messageId, "messageId");
        if (granted && (date.isEmpty() || (ipAddress.isEmpty() && messageId.isEmpty()))) {
            throw new IllegalArgumentException("a grant needs its date and its evidence");
        }
    }
}
