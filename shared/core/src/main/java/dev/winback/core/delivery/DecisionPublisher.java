package dev.winback.core.delivery;

import java.util.ArrayList;
import java.util.List;

/** Publishes decisions as MessageDecision events once they are stored on the message. */
public interface DecisionPublisher {

    DecisionPublisher NONE = (entry, decisions) -> { };

    /** Decisions stored on one entry, waiting to be published with others. */
    record Stored(LedgerEntry entry, List<MessageDecision> decisions) {
    }

    /** Best effort: the ledger entry is the record; a lost event is logged, never retried into a resend. */
    void publish(LedgerEntry entry, List<MessageDecision> decisions);

    /** Many entries' decisions at once (a delivery batch's, after its sends); an implementation may pack them. */
    default void publishAll(List<Stored> stored) {
        for (Stored one : stored) publish(one.entry(), one.decisions());
    }

    /** Keeps what it is given until {@link #flushTo}: one publication per batch instead of one per write. */
    final class Collected implements DecisionPublisher {
        private final List<Stored> stored = new ArrayList<>();

        @Override
        public synchronized void publish(LedgerEntry entry, List<MessageDecision> decisions) {
            stored.add(new Stored(entry, List.copyOf(decisions)));
        }

        public synchronized void flushTo(DecisionPublisher publisher) {
            if (!stored.isEmpty()) publisher.publishAll(List.copyOf(stored));
            stored.clear();
        }
    }
}
