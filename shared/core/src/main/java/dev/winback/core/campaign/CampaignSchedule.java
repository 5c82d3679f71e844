package dev.winback.core.campaign;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/** When a campaign's messages may go: at once, or at a local date-time in each customer's own zone. */
public sealed interface CampaignSchedule {

    /** The earliest zone on Earth (UTC+14): no customer's local time comes before it there. */
    ZoneOffset EARLIEST = ZoneOffset.ofHours(14);
    /** The latest zone (UTC-12): every customer's local time has come by then. */
    ZoneOffset LATEST = ZoneOffset.ofHours(-12);

    /** When handing messages to delivery may begin. */
    Instant begins(Instant createdAt);

    /** From when the messages' expiry counts: the last instant any customer is due. */
    Instant lastDue(Instant now);

    /** The local send time delivery holds each message for, if any. */
    Optional<LocalDateTime> localSendTime();

    record AtOnce() implements CampaignSchedule {
        @Override
        public Instant begins(Instant createdAt) {
            return createdAt;
        }

        @Override
        public Instant lastDue(Instant now) {
            return now;
        }

        @Override
        public Optional<LocalDateTime> localSendTime() {
            return Optional.empty();
        }
    }

    /**
     * Each customer's message at {@code local} in their own time zone (else the configured default):
     * handing over begins when the earliest zone reaches it, and delivery holds each message until
     * the customer's own moment (reason {@code scheduled}), then checks quiet hours and caps as usual.
     */
    record AtLocalTime(LocalDateTime local) implements CampaignSchedule {
        public AtLocalTime {
            Objects.requireNonNull(local, "local");
        }

        @Override
        public Instant begins(Instant createdAt) {
            return local.toInstant(EARLIEST);
        }

        @Override
        public Instant lastDue(Instant now) {
            Instant latest = local.toInstant(LATEST);
            return latest.isAfter(now) ? latest : now;
        }

        @Override
        public Optional<LocalDateTime> localSendTime() {
            return Optional.of(local);
        }
    }
}
