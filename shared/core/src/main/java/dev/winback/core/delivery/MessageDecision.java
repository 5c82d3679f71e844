package dev.winback.core.delivery;

import dev.winback.core.event.Channel;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing delivery decided about a message, with the specific reason: sent on a channel, skipped
 * a channel and why, held until when, fell back after a deadline. Stored on the message and
 * published as a MessageDecision event. {@code detail} never holds personal data.
 */
public record MessageDecision(Instant at, Kind kind, Optional<Channel> channel, Reason reason, String detail) {

    public MessageDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public static MessageDecision on(Instant at, Kind kind, Channel channel, Reason reason, String detail) {
        return new MessageDecision(at, kind, Optional.of(channel), reason, detail);
    }

    public static MessageDecision overall(Instant at, Kind kind, Reason reason, String detail) {
        return new MessageDecision(at, kind, Optional.empty(), reason, detail);
    }

    public enum Kind {
        /** The provider accepted the message on the channel. */
        SENT,
        /** The channel was not used; the next one is tried. */
        SKIPPED,
        /** The message waits (quiet hours, a cap, a pause) until a timer. */
        HELD,
        /** The provider refused the message for good, or it could not be built; the next channel is tried. */
        FAILED,
        /** The provider refused for now; the same attempt is tried again later. */
        RETRYING,
        /** The provider may have the message; it is never resent blindly. */
        UNKNOWN,
        /** No receipt came by the deadline: the next channel is tried. */
        FELL_BACK,
        /** A receipt arrived in time. */
        RECEIPT,
        /** A receipt arrived after the fallback: recorded, and nothing else happens. */
        LATE_RECEIPT,
        /** Nothing (more) is sent for this message. */
        STOPPED
    }

    public enum Reason {
        ACCEPTED,
        NO_ADDRESS,
        NO_CONSENT,
        CONSENT_WITHDRAWN,
        UNSUBSCRIBED,
        COMPLAINED,
        BLOCKED,
        SMS_STOP,
        SUPPRESSED,
        ENDPOINT_DISABLED,
        NO_PUSH_PERMISSION,
        APP_NOT_INSTALLED,
        SUNSET,
        CATEGORY_MUTED,
        CHANNEL_MUTED,
        PAUSED,
        GLOBAL_CAP,
        REDUCED_FREQUENCY,
        CHANNEL_CAP,
        ACCOUNT_PAUSED,
        QUIET_HOURS,
        /** Not before its local send time in the customer's time zone (a one-off campaign's schedule). */
        SCHEDULED,
        EXPIRED,
        NO_SENDER,
        TEMPLATE_FAILED,
        PROVIDER_REJECTED,
        PROVIDER_THROTTLED,
        /** The record changed between the check and the claim, and no longer allows this send. */
        RECORD_CHANGED,
        NO_PROVIDER_ANSWER,
        SENDER_STOPPED,
        NO_RECEIPT_BY_DEADLINE,
        RECEIPT,
        ALREADY_DELIVERED,
        NO_CHANNEL_LEFT,
        /** The customer is in the control group or the unit's holdout: the message would have gone out, and did not. */
        HELD_OUT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
