package dev.winback.local.backtest.replay;

import dev.winback.core.event.Purpose;

import java.time.Instant;
import java.util.Optional;

/** Decided messages for the report's tests. */
final class Messages {

    private Messages() {
    }

    static DecidedMessage sent(String customerId, String unit, String at) {
        return new DecidedMessage(customerId, unit, true, Purpose.MARKETING, DecidedMessage.Outcome.SENT,
                Optional.of(Instant.parse(at)), "accepted");
    }

    static DecidedMessage heldOut(String customerId, String unit, String at) {
        return new DecidedMessage(customerId, unit, true, Purpose.MARKETING, DecidedMessage.Outcome.HELD_OUT,
                Optional.of(Instant.parse(at)), "held_out");
    }

    static DecidedMessage notSent(String customerId, String unit, String reason) {
        return new DecidedMessage(customerId, unit, true, Purpose.MARKETING, DecidedMessage.Outcome.NOT_SENT,
                Optional.empty(), reason);
    }

    static DecidedMessage transactional(String customerId, String unit, String at) {
        return new DecidedMessage(customerId, unit, true, Purpose.TRANSACTIONAL, DecidedMessage.Outcome.SENT,
                Optional.of(Instant.parse(at)), "accepted");
    }

    static DecidedMessage journeySent(String customerId, String journey, String at) {
        return new DecidedMessage(customerId, journey, false, Purpose.MARKETING, DecidedMessage.Outcome.SENT,
                Optional.of(Instant.parse(at)), "accepted");
    }
}
