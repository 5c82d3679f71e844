package dev.winback.core.delivery;

import dev.winback.core.event.EventPayload;
import dev.winback.core.ingest.MessageFeedbackListener;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Marks Winback's messages when feedback about them arrives: a receipt in time ends the wait for
 * the fallback (and disarms its timer); a late one is recorded and changes nothing else. Feedback
 * on other senders' messages costs nothing here: their ids are not Winback message ids.
 */
public final class MessageReceipts implements MessageFeedbackListener {

    static final int ATTEMPTS = 4;

    private final MessageLedger ledger;
    private final DecisionPublisher publisher;
    private final Clock clock;

    public MessageReceipts(MessageLedger ledger, DecisionPublisher publisher, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public boolean heard(String customerId, EventPayload.MessageFeedback feedback, Instant occurredAt) {
        Optional<MessageKey.Attempted> named = MessageKey.parse(customerId, feedback.messageId());
        if (named.isEmpty()) return true;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<LedgerEntry> entry = ledger.find(named.get().key());
            if (entry.isEmpty()) return true; // not a message of this customer: nothing to mark
            Optional<LedgerEntry> marked = entry.get().receipt(named.get().attempt(), feedback.kind().wireName(),
                    occurredAt, clock.instant());
            if (marked.isEmpty()) return true; // already marked
            Optional<LedgerEntry> stored = ledger.store(marked.get());
            if (stored.isPresent()) {
                publisher.publish(stored.get(), stored.get().decisions()
                        .subList(entry.get().decisions().size(), stored.get().decisions().size()));
                return true;
            }
        }
        return false;
    }
}
