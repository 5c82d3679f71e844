package dev.winback.adapters.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the feedback processor needs from the outside world, each behind a small interface. */
public final class FeedbackPorts {

    private FeedbackPorts() {
    }

    /** Which customer a push endpoint belongs to (Winback's push sender sets the endpoint's CustomUserData). */
    @FunctionalInterface
    public interface EndpointOwners {
        Optional<String> customerOf(String endpointArn);
    }

    /** Sends a text back to the number a message came from, from the number it was sent to. */
    @FunctionalInterface
    public interface SmsReplies {
        void send(String to, String from, String text);
    }

    /**
     * Takes a number off the provider's own SMS opt-out list after it texted START (SNS refuses every
     * text to a number on it). Best effort, never throws: the provider may refuse (SNS allows it once
     * in 30 days per number), and then the sends it refuses say so in the ledger.
     */
    @FunctionalInterface
    public interface SmsOptIns {
        SmsOptIns NONE = e164 -> { };

        void optIn(String e164);
    }

    /** A reply that is not a keyword, for support tools: {@code CustomerReplied} on the bus. */
    @FunctionalInterface
    public interface ReplyEvents {
        void publish(CustomerReplied reply);
    }

    /**
     * @param customerIds the customers who gave the sending number (none when it is unknown); the
     *                    number itself is never published
     */
    public record CustomerReplied(String inboundMessageId, List<String> customerIds, String channel, String text,
                                  Instant receivedAt) {
    }

    /** Remembers what was already done for a notification, so a replay does not do it twice. */
    public interface Once {
        /** @return true the first time for this key (and records it), false ever after */
        boolean firstTime(String key);

        boolean done(String key);

        void markDone(String key);
    }
}
