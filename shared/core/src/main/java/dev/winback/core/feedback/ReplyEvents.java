package dev.winback.core.feedback;

/** A reply that is not a keyword, for support tools: {@code CustomerReplied} on the bus. */
@FunctionalInterface
public interface ReplyEvents {
    void publish(CustomerReplied reply);
}
