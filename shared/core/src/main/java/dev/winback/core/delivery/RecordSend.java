package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.EventOutcome;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.record.StoredRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records each send in the engagement record right away, through the ingest use case itself: a
 * {@code message_sent} event whose id is the message id, so recording it twice changes nothing and
 * the next message of the customer already counts it toward caps and sunsets.
 */
public final class RecordSend implements SendRecorder {

    private final IngestEvents ingest;
    private final Warnings warnings;

    public RecordSend(IngestEvents ingest, Warnings warnings) {
        this.ingest = ingest;
        this.warnings = warnings;
    }

    @Override
    public boolean sent(StoredRecord read, String messageId, Channel channel, Purpose purpose, Instant at) {
        return record(read, messageId, new EventPayload.MessageSent(messageId, channel, Optional.of(purpose)), at);
    }

    /** The send's event names its unit, so the same write opens the customer's exposure to it. */
    @Override
    public boolean sent(StoredRecord read, String messageId, Channel channel, Purpose purpose, String unit,
                        Instant at) {
        return record(read, messageId,
                new EventPayload.MessageSent(messageId, channel, Optional.of(purpose), Optional.of(unit)), at);
    }

    @Override
    public boolean withheld(StoredRecord read, String unit, Assignment group, Instant at) {
        return ingest.recordWithheld(read, unit, group, at);
    }

    private boolean record(StoredRecord read, String messageId, EventPayload.MessageSent sent, Instant at) {
        String customerId = read.record().customerId();
        Channel channel = sent.channel();
        EngagementEvent event = new EngagementEvent(messageId, customerId, at, Optional.empty(), sent);
        // Usually nobody wrote the record since delivery read it: the write needs no second read.
        List<EventOutcome> outcome = ingest.ingestRead(read, List.of(event));
        if (outcome.getFirst() == EventOutcome.RETRY) {
            warnings.warn("could not record a " + channel.wireName() + " send of customer " + customerId
                    + " in the record now; caps and sunsets will not count it");
            return false;
        }
        return true;
    }
}
