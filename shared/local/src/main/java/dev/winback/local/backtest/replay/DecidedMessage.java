package dev.winback.local.backtest.replay;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.event.Purpose;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What delivery made of one message in the ledger, as the replay counts it.
 *
 * @param unit      the rule's campaign or the journey that measures it ({@code measuredBy})
 * @param fromRule  requested by a playbook rule (rather than a journey)
 * @param decidedAt when it was sent or held out; empty for messages that were neither
 * @param reason    why nothing was sent (the last decision's reason), or the state it still waits in
 */
record DecidedMessage(String customerId, String unit, boolean fromRule, Purpose purpose, Outcome outcome,
                      Optional<Instant> decidedAt, String reason) {

    enum Outcome {
        /** A provider (here the dry-run outbox or the inbox) took it. */
        SENT,
        /** It passed every check and was withheld for measurement: the playbook did decide to send it. */
        HELD_OUT,
        /** No channel allowed it, it expired, or every channel failed. */
        NOT_SENT,
        /** Still waiting (quiet hours, a cap) when the replay ended. */
        PENDING
    }

    DecidedMessage {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** Sent or held out: the playbook decided to message the customer. */
    boolean decided() {
        return outcome == Outcome.SENT || outcome == Outcome.HELD_OUT;
    }

    static DecidedMessage of(LedgerEntry entry) {
        DeliveryRequest request = entry.request();
        boolean fromRule = !request.variables().containsKey(DeliveryRequest.JOURNEY_VARIABLE);
        Optional<MessageDecision> sent = entry.decisions().stream()
                .filter(d -> d.kind() == MessageDecision.Kind.SENT).findFirst();
        Outcome outcome;
        Optional<Instant> at = Optional.empty();
        String reason;
        if (sent.isPresent()) {
            outcome = Outcome.SENT;
            at = Optional.of(sent.get().at());
            reason = MessageDecision.Reason.ACCEPTED.wireName();
        } else if (entry.status() == LedgerStatus.HELD_OUT) {
            outcome = Outcome.HELD_OUT;
            at = entry.decisions().stream().filter(d -> d.reason() == MessageDecision.Reason.HELD_OUT)
                    .map(MessageDecision::at).findFirst().or(() -> Optional.of(entry.updatedAt()));
            reason = MessageDecision.Reason.HELD_OUT.wireName();
        } else if (entry.status().isFinal()) {
            outcome = Outcome.NOT_SENT;
            reason = whyNotSent(entry);
        } else {
            outcome = Outcome.PENDING;
            reason = entry.status().wireName();
        }
        return new DecidedMessage(request.customerId(), request.measuredBy(), fromRule, request.purpose(), outcome,
                at, reason);
    }

    /** The first channel's refusal when every channel was ruled out, else the last decision's reason. */
    private static String whyNotSent(LedgerEntry entry) {
        if (entry.decisions().isEmpty()) return entry.status().wireName();
        MessageDecision last = entry.decisions().getLast();
        if (last.reason() != MessageDecision.Reason.NO_CHANNEL_LEFT) return last.reason().wireName();
        return entry.decisions().stream()
                .filter(d -> d.kind() == MessageDecision.Kind.SKIPPED || d.kind() == MessageDecision.Kind.FAILED)
                .map(d -> d.reason().wireName()).findFirst().orElse(last.reason().wireName());
    }
}
