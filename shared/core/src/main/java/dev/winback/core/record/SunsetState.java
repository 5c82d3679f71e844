package dev.winback.core.record;

import dev.winback.core.event.Purpose;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one channel of one customer stands in its sunset: messaged as usual, warned with a last
 * chance, or no longer sent marketing. A sunset never stops transactional messages: an order
 * confirmation is owed whatever the customer thinks of our newsletters.
 */
public sealed interface SunsetState {

    SunsetState ACTIVE = new Active();

    /** Whether a message for this purpose may go out on the channel, as far as the sunset is concerned. */
    boolean allows(Purpose purpose);

    record Active() implements SunsetState {
        @Override
        public boolean allows(Purpose purpose) {
            return true;
        }
    }

    /**
     * The last-chance message was requested at {@code sentAt} (the name is the stored one; it is the
     * request, not the send). Where the channel has a last-chance campaign, the grace runs from the
     * send the record shows after it, and the request is repeated when none follows. Marketing
     * continues until the sunset begins, so the last chance is not the only thing they hear from us.
     *
     * @param requests how many times the last chance has been requested in a row, from 1
     */
    record LastChance(Instant sentAt, int requests) implements SunsetState {
        public LastChance {
            Objects.requireNonNull(sentAt, "sentAt");
            if (requests < 1) throw new IllegalArgumentException("requests must be at least 1, was " + requests);
        }

        public LastChance(Instant sentAt) {
            this(sentAt, 1);
        }

        @Override
        public boolean allows(Purpose purpose) {
            return true;
        }
    }

    /**
     * No marketing on this channel since {@code since}. The last chance is kept because the way out
     * is measured from it: a click that answered the last chance but arrived late still lifts it.
     */
    record Sunset(Instant lastChanceSentAt, Instant since) implements SunsetState {
        public Sunset {
            Objects.requireNonNull(lastChanceSentAt, "lastChanceSentAt");
            Objects.requireNonNull(since, "since");
        }

        @Override
        public boolean allows(Purpose purpose) {
            return switch (purpose) {
                case MARKETING -> false;
                case TRANSACTIONAL -> true;
                // No message is sent for advertising; an audience export reads consent, not sunsets.
                case ADVERTISING -> false;
            };
        }
    }
}
