package dev.winback.core.delivery;

import dev.winback.core.event.Channel;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel tried for a message. Its number is part of the message id, so at most one provider
 * call is ever made under one attempt: a retry after a throttle reuses the attempt only because the
 * provider certainly did not take it.
 */
public record Attempt(int number, Channel channel, String messageId, Status status, Instant at,
                      Optional<String> providerMessageId, Optional<Instant> receiptAt) {

    public enum Status { CLAIMED, SENT, FAILED, UNKNOWN }

    public Attempt {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(receiptAt, "receiptAt");
        if (number < 1) throw new IllegalArgumentException("attempts count from 1");
    }

    Attempt with(Status next, Instant when, Optional<String> provider) {
        return new Attempt(number, channel, messageId, next, when, provider, receiptAt);
    }

    Attempt receipted(Instant when) {
        return new Attempt(number, channel, messageId, status, at, providerMessageId, Optional.of(when));
    }
}
