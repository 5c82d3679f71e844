package dev.winback.core.delivery;

import java.util.List;

/** Publishes decisions as MessageDecision events once they are stored on the message. */
public interface DecisionPublisher {

    DecisionPublisher NONE = (entry, decisions) -> { };

    /** Best effort: the ledger entry is the record; a lost event is logged, never retried into a resend. */
    void publish(LedgerEntry entry, List<MessageDecision> decisions);
}
