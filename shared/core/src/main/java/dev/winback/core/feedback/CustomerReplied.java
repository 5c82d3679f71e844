package dev.winback.core.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A text that is not a keyword, as published for support tools.
 *
 * @param customerIds the customers who gave the sending number (none when it is unknown); the
 *                    number itself is never published
 */
public record CustomerReplied(String inboundMessageId, List<String> customerIds, String channel, String text,
                              Instant receivedAt) {
}
