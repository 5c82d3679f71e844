package dev.winback.core.ingest;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.SmsStop;
import dev.winback.core.record.Stamped;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's "no", once received, is never undone by a timestamp: issue items 1 and 4. */
class WithdrawalsTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final MutableClock clock = new MutableClock(T);
    private final InMemoryEngagementStore store = new InMemoryEngagementStore();
    private final IngestEvents ingest = new IngestEvents(store, Runnable::run, clock, NextDue.NEVER);
    private int sequence;

    @Test
    void aGrantDatedAFewMinutesAhead_doesNotOutliveALaterOneClickUnsubscribe() {
        assertThat(ingest.ingest(List.of(consent(Channel.EMAIL, true, "signup_form", T.plus(Duration.ofMinutes(4))))))
                .containsExactly(EventOutcome.APPLIED);
        clock.advance(Duration.ofMinutes(1));
        ingest.ingest(List.of(consent(Channel.EMAIL, false, "one-click", clock.instant())));

        assertThat(marketing(Channel.EMAIL).value().granted()).isFalse();
    }

    @Test
    void eventsDatedBeyondTheSkew_areRefused_andCannotReachTheRecord() {
        List<EventOutcome> outcomes = ingest.ingest(List.of(
                consent(Channel.EMAIL, true, "signup_form", T.plus(Duration.ofMinutes(10))),
                consent(Channel.EMAIL, true, "signup_form", Instant.parse("2999-01-01T00:00:00Z")),
                consent(Channel.EMAIL, true, "signup_form", T.plus(Duration.ofMinutes(5)))));

        assertThat(outcomes).containsExactly(EventOutcome.FUTURE_DATED, EventOutcome.FUTURE_DATED, EventOutcome.APPLIED);
        assertThat(marketing(Channel.EMAIL).at()).isEqualTo(T.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aGrantReceivedBeforeAWithdrawal_neverUndoesIt_evenWhenAppliedAfterIt() {
        EngagementEvent grant = consent(Channel.EMAIL, true, "signup_form", T.minus(Duration.ofHours(1))).receivedBy(T);
        EngagementEvent withdrawal = consent(Channel.EMAIL, false, "app", T.minus(Duration.ofHours(2)))
                .receivedBy(T.plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));

        ingest.ingest(List.of(withdrawal));
        ingest.ingest(List.of(grant)); // a retry that lost its place in the queue

        assertThat(marketing(Channel.EMAIL).value().granted()).isFalse();
    }

    @Test
    void aNewerGrantReceivedAfterTheWithdrawal_reopensTheChannel() {
        ingest.ingest(List.of(consent(Channel.EMAIL, false, "one-click", T)));
        clock.advance(Duration.ofDays(1));
        ingest.ingest(List.of(consent(Channel.EMAIL, true, "signup_form", clock.instant())));

        assertThat(marketing(Channel.EMAIL).value().granted()).isTrue();
    }

    @Test
    void afterAnSmsStop_aPreferenceLinkOrAnOperatorCannotReSubscribe_butStartAndAnEvidencedOptInCan() {
        ingest.ingest(List.of(consent(Channel.SMS, false, SmsStop.KEYWORD_SOURCE, T),
                sms(SmsStatus.UNSUBSCRIBED, T)));
        clock.advance(Duration.ofDays(1));
        ingest.ingest(List.of(consent(Channel.SMS, true, "preference-centre", clock.instant(), Optional.of("198.51.100.7")),
                sms(SmsStatus.SUBSCRIBED, clock.instant())));
        assertThat(SmsStop.isStop(marketing(Channel.SMS))).as("a forwarded preference link").isTrue();
        clock.advance(Duration.ofMinutes(1));
        ingest.ingest(List.of(consent(Channel.SMS, true, "admin-api", clock.instant())));
        assertThat(SmsStop.isStop(marketing(Channel.SMS))).as("an operator").isTrue();
        clock.advance(Duration.ofMinutes(1));
        ingest.ingest(List.of(consent(Channel.SMS, true, "signup_form", clock.instant())));
        assertThat(SmsStop.isStop(marketing(Channel.SMS))).as("an opt-in without evidence").isTrue();

        clock.advance(Duration.ofMinutes(1));
        ingest.ingest(List.of(consent(Channel.SMS, true, SmsStop.KEYWORD_SOURCE, clock.instant())));
        assertThat(marketing(Channel.SMS).value().granted()).as("START from the phone").isTrue();

        clock.advance(Duration.ofMinutes(1));
        ingest.ingest(List.of(consent(Channel.SMS, false, SmsStop.KEYWORD_SOURCE, clock.instant())));
        clock.advance(Duration.ofMinutes(1));
        ingest.ingest(List.of(consent(Channel.SMS, true, "checkout_form", clock.instant(), Optional.of("198.51.100.9"))));
        assertThat(marketing(Channel.SMS).value()).as("an explicit opt-in with its own evidence")
                .isEqualTo(new ConsentGrant(true, "checkout_form", "v1", true));
    }

    @Test
    void aStop_beatsAPreferenceGrantInEitherOrderOfArrival() {
        EngagementEvent preference = consent(Channel.SMS, true, "preference-centre", T.plus(Duration.ofMinutes(3)),
                Optional.of("198.51.100.7")).receivedBy(T.plus(Duration.ofMinutes(3)));
        EngagementEvent stop = consent(Channel.SMS, false, SmsStop.KEYWORD_SOURCE, T).receivedBy(T);
        clock.advance(Duration.ofMinutes(5));

        ingest.ingest(List.of(preference));
        ingest.ingest(List.of(stop));

        assertThat(SmsStop.isStop(marketing(Channel.SMS))).isTrue();
    }

    private Stamped<ConsentGrant> marketing(Channel channel) {
        EngagementRecord record = store.get("c-1").record();
        return record.channel(channel).consent().get(Purpose.MARKETING);
    }

    private EngagementEvent consent(Channel channel, boolean granted, String source, Instant at) {
        return consent(channel, granted, source, at, Optional.empty());
    }

    private EngagementEvent consent(Channel channel, boolean granted, String source, Instant at, Optional<String> ip) {
        return new EngagementEvent("e-" + (sequence++), "c-1", at, Optional.empty(),
                new EventPayload.ConsentChanged(channel, Purpose.MARKETING, granted, source, "v1", Optional.empty(), ip));
    }

    private EngagementEvent sms(SmsStatus status, Instant at) {
        return new EngagementEvent("e-" + (sequence++), "c-1", at, Optional.empty(),
                new EventPayload.SmsSubscriptionChanged(status));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
