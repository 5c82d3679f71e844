package dev.winback.core.delivery;

import java.util.Objects;

/**
 * What a provider said about one send. The distinction that matters for exactly-once is whether
 * the provider may have accepted the message: {@link Unknown} must never be blindly resent.
 */
public sealed interface SendResult {

    /** The provider took the message. */
    record Accepted(String providerMessageId, boolean receiptsExpected) implements SendResult {
        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /** The provider refused it for good (disabled endpoint, invalid address, unverified sender): try the next channel. */
    record Rejected(FailureKind kind, String reason) implements SendResult {
        public Rejected {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Certainly not accepted (throttled, refused before the request was read): safe to try again later. */
    record Retryable(String reason) implements SendResult {
        public Retryable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The request may have reached the provider but no answer came back (timeout, lost response). */
    record Unknown(String reason) implements SendResult {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum FailureKind {
        ENDPOINT_DISABLED, INVALID_ADDRESS, SUPPRESSED_BY_PROVIDER, SENDER_NOT_VERIFIED, CONTENT_REJECTED, OTHER
    }
}
