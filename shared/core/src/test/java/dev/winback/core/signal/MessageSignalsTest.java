package dev.winback.core.signal;

import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Platform;
import dev.winback.core.model.BgNbdModel;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.record.EngagementRecord;

import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSignalsTest {

    private static final SignalPolicy POLICY = SignalPolicy.defaults();
    private static final PurchaseModel MODEL = new BgNbdModel(BgNbdParameters.defaults());

    /** Opens the app every day; clicked an email on day 5 and ignored the 10 sent since (days 10 to 55). */
    private static CustomerEvents dailyVisitorIgnoringEmail() {
        return customer("ignores-email")
                .visits(Platform.APP, day(0), Duration.ofDays(1), 61)
                .sent(Channel.EMAIL, day(4)).feedback(Channel.EMAIL, MessageFeedbackKind.CLICKED, day(5))
                .sends(Channel.EMAIL, day(10), Duration.ofDays(5), 10);
    }

    @Test
    void detect_whenOneChannelIsIgnoredAndAnotherAnswered_isMessagesIgnoredOnThatChannel() {
        EngagementRecord record = dailyVisitorIgnoringEmail()
                .sends(Channel.PUSH, day(40), Duration.ofDays(3), 5)
                .feedback(Channel.PUSH, MessageFeedbackKind.CLICKED, day(53))
                .record();

        List<Signal> signals = SignalDetector.detect(record, day(60), POLICY, MODEL);

        assertThat(signals).singleElement().isInstanceOfSatisfying(Signal.MessagesIgnored.class, ignored -> {
            assertThat(ignored.channel()).isEqualTo(Channel.EMAIL);
            assertThat(ignored.strength()).isEqualTo(Strength.WEAK);
            assertThat(ignored.since()).as("the 8th send after the click").isEqualTo(day(10 + 7 * 5));
            assertThat(ignored.explanation()).isEqualTo(
                    "email: 10 sends since the last click (last click 2026-01-10); still visiting (last app session today)");
        });
    }

    @Test
    void detect_belowTheThreshold_isNothing() {
        EngagementRecord record = customer("seven-ignored")
                .visits(Platform.APP, day(0), Duration.ofDays(1), 61)
                .sends(Channel.EMAIL, day(10), Duration.ofDays(5), 7)
                .record();

        assertThat(SignalDetector.detect(record, day(60), POLICY, MODEL)).isEmpty();
    }

    @Test
    void detect_whenEveryMessagedChannelIsIgnored_isOneThrottleSignalAndNoPerChannelOnes() {
        EngagementRecord record = dailyVisitorIgnoringEmail()
                .sends(Channel.PUSH, day(20), Duration.ofDays(2), 20)
                .record();

        List<Signal> signals = SignalDetector.detect(record, day(60), POLICY, MODEL);

        assertThat(signals).singleElement().isInstanceOfSatisfying(Signal.IgnoresEveryChannel.class, every -> {
            assertThat(every.strength()).isEqualTo(Strength.MEDIUM);
            // Email became ignored on day 45; push (16 newest sends kept, days 28 to 58) on day 42.
            assertThat(every.since()).isEqualTo(day(45));
            assertThat(every.explanation()).isEqualTo("ignores every channel while still visiting (last app session today): "
                    + "email: 10 sends since the last click (last click 2026-01-10); push: 16 or more sends and never a click");
        });
    }

    @Test
    void detect_whenTheOnlyMessagedChannelIsIgnored_isMessagesIgnoredSinceAnotherChannelIsStillWorthATry() {
        List<Signal> signals = SignalDetector.detect(dailyVisitorIgnoringEmail().record(), day(60), POLICY, MODEL);

        assertThat(signals).extracting(Signal::type).containsExactly(SignalType.MESSAGES_IGNORED);
    }

    @Test
    void detect_onAChannelTheCustomerClosed_isTheWithdrawalNotIgnoredMessages() {
        EngagementRecord record = dailyVisitorIgnoringEmail().email(EmailStatus.UNSUBSCRIBED, day(56)).record();

        assertThat(SignalDetector.detect(record, day(60), POLICY, MODEL))
                .extracting(Signal::type).containsExactly(SignalType.EMAIL_WITHDRAWN);
    }

    @Test
    void detect_onceTheCustomerNoLongerVisits_isNoMessagingSignal() {
        // Every 10 days until day 100, so not lapsed until day 140; still visiting until day 130.
        EngagementRecord record = customer("slow-visitor")
                .visits(Platform.WEB, day(0), Duration.ofDays(10), 11)
                .sends(Channel.EMAIL, day(20), Duration.ofDays(9), 9)
                .record();

        assertThat(SignalDetector.detect(record, day(130).minusSeconds(1), POLICY, MODEL))
                .extracting(Signal::type).containsExactly(SignalType.MESSAGES_IGNORED);
        assertThat(SignalDetector.detect(record, day(130), POLICY, MODEL)).isEmpty();
    }

    @Test
    void detect_forALapsedCustomer_isTheLapseOnly() {
        EngagementRecord record = dailyVisitorIgnoringEmail().record();

        // Daily visits end on day 60: quiet after the 14-day floor, still within the 30-day visiting window.
        assertThat(SignalDetector.detect(record, day(74), POLICY, MODEL))
                .extracting(Signal::type).containsExactly(SignalType.LAPSED);
    }

    @Test
    void detect_whenAClickAnswersTheSends_isNothing() {
        EngagementRecord record = dailyVisitorIgnoringEmail().feedback(Channel.EMAIL, MessageFeedbackKind.CLICKED, day(56))
                .record();

        assertThat(SignalDetector.detect(record, day(60), POLICY, MODEL)).isEmpty();
    }

    @Test
    void detect_opensDoNotCountAsAnswers() {
        EngagementRecord record = dailyVisitorIgnoringEmail().feedback(Channel.EMAIL, MessageFeedbackKind.OPENED, day(56))
                .record();

        assertThat(SignalDetector.detect(record, day(60), POLICY, MODEL))
                .extracting(Signal::type).containsExactly(SignalType.MESSAGES_IGNORED);
    }
}
