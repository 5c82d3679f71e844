package dev.winback.core.sunset;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.SunsetState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.winback.core.event.Channel.EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SunsetPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final SunsetPolicy POLICY = SunsetPolicy.EMAIL;

    /** Clicked at T0, then ten weekly emails nobody clicked. */
    private static CustomerHistory silentAfterAClick() {
        return CustomerHistory.of("c-1").clicked(EMAIL, T0).sentEvery(EMAIL, T0.plus(Duration.ofDays(1)), WEEK, 10);
    }

    private static Instant lastChanceDue() {
        return T0.plus(POLICY.silence());
    }

    @Test
    void evaluate_whenSilentLongEnoughWithEnoughSends_sendsTheLastChance() {
        Instant now = lastChanceDue().plus(Duration.ofHours(3));

        SunsetDecision decision = POLICY.evaluate(silentAfterAClick().channel(EMAIL), SunsetState.ACTIVE, now);

        assertThat(decision.next()).isEqualTo(new SunsetState.LastChance(now));
        assertThat(decision.action()).contains(SunsetAction.SEND_LAST_CHANCE);
        // The grace starts when the message is sent: until then, a look when it should have been.
        assertThat(decision.deadline()).contains(new Deadline(now.plus(SunsetPolicy.LAST_CHANCE_RETRY),
                SunsetAction.SEND_LAST_CHANCE));
    }

    @Test
    void evaluate_withALastChanceThatIsOnlyAState_startsTheGraceAtOnce() {
        SunsetPolicy stateOnly = new SunsetPolicy(POLICY.silence(), POLICY.minQuietSends(), POLICY.lastChanceGrace());
        Instant now = lastChanceDue().plus(Duration.ofHours(3));

        SunsetDecision decision = stateOnly.evaluate(silentAfterAClick().channel(EMAIL), SunsetState.ACTIVE, now);

        assertThat(decision.deadline()).contains(new Deadline(now.plus(POLICY.lastChanceGrace()),
                SunsetAction.ENTER_SUNSET));
    }

    /** Issue 10, item 16: the record said the last chance went out, and the sunset followed, with no message at all. */
    @Test
    void evaluate_whenTheLastChanceWasNeverSent_asksAgainAndNeverSunsetsWithinTheGrace() {
        Instant requested = lastChanceDue();
        ChannelState nothingSent = silentAfterAClick().channel(EMAIL);
        SunsetState.LastChance lastChance = new SunsetState.LastChance(requested);

        SunsetDecision afterGrace = POLICY.evaluate(nothingSent, lastChance, requested.plus(POLICY.lastChanceGrace()));
        assertThat(afterGrace.next()).as("no sunset without the message").isInstanceOf(SunsetState.LastChance.class);

        SunsetDecision waiting = POLICY.evaluate(nothingSent, lastChance, requested.plus(Duration.ofDays(1)));
        assertThat(waiting.action()).isEmpty();
        assertThat(waiting.deadline()).contains(new Deadline(requested.plus(SunsetPolicy.LAST_CHANCE_RETRY),
                SunsetAction.SEND_LAST_CHANCE));

        Instant retry = requested.plus(SunsetPolicy.LAST_CHANCE_RETRY);
        SunsetDecision again = POLICY.evaluate(nothingSent, lastChance, retry);
        assertThat(again.action()).contains(SunsetAction.SEND_LAST_CHANCE);
        assertThat(again.next()).isEqualTo(new SunsetState.LastChance(retry, 2));
    }

    @Test
    void evaluate_afterEveryRequestOfTheLastChanceFailed_sunsetsAllTheSame() {
        Instant requested = lastChanceDue();
        SunsetState.LastChance third = new SunsetState.LastChance(requested, SunsetPolicy.LAST_CHANCE_REQUESTS);
        Instant giveUp = requested.plus(SunsetPolicy.LAST_CHANCE_RETRY);

        SunsetDecision decision = POLICY.evaluate(silentAfterAClick().channel(EMAIL), third, giveUp);

        assertThat(decision.next()).isEqualTo(new SunsetState.Sunset(requested, giveUp));
        assertThat(decision.explanation()).contains("could not be sent");
    }

    @Test
    void evaluate_theGraceRunsFromTheSendNotFromTheRequest() {
        Instant requested = lastChanceDue();
        Instant sent = requested.plus(Duration.ofDays(2)); // held by the caps for two days
        ChannelState channel = silentAfterAClick().sent(EMAIL, sent).channel(EMAIL);
        SunsetState.LastChance lastChance = new SunsetState.LastChance(requested);

        assertThat(POLICY.evaluate(channel, List.of(sent), lastChance, requested.plus(POLICY.lastChanceGrace())).next())
                .isEqualTo(lastChance);
        assertThat(POLICY.evaluate(channel, List.of(sent), lastChance, sent.plus(POLICY.lastChanceGrace())).next())
                .isEqualTo(new SunsetState.Sunset(requested, sent.plus(POLICY.lastChanceGrace())));
        // A send before the request was not the last chance.
        assertThat(POLICY.evaluate(channel, List.of(requested.minusSeconds(1)), lastChance,
                sent.plus(POLICY.lastChanceGrace())).next()).isInstanceOf(SunsetState.LastChance.class);
    }

    @Test
    void evaluate_whenSilentButFewerSendsThanThePolicy_waitsForSendsWithoutADeadline() {
        ChannelState channel = CustomerHistory.of("c-1").clicked(EMAIL, T0)
                .sentEvery(EMAIL, T0.plus(Duration.ofDays(1)), WEEK, POLICY.minQuietSends() - 1).channel(EMAIL);

        SunsetDecision decision = POLICY.evaluate(channel, SunsetState.ACTIVE, T0.plus(Duration.ofDays(400)));

        assertThat(decision.next()).isEqualTo(SunsetState.ACTIVE);
        assertThat(decision.action()).isEmpty();
        assertThat(decision.deadline()).isEmpty();
    }

    @Test
    void evaluate_whenEnoughSendsButTheSilenceIsYoung_armsADeadlineAtTheEndOfTheSilence() {
        SunsetDecision decision = POLICY.evaluate(silentAfterAClick().channel(EMAIL), SunsetState.ACTIVE,
                T0.plus(Duration.ofDays(100)));

        assertThat(decision.action()).isEmpty();
        assertThat(decision.deadline()).contains(new Deadline(lastChanceDue(), SunsetAction.SEND_LAST_CHANCE));
    }

    @Test
    void evaluate_whenNeverEngagedNorOptedIn_measuresTheSilenceFromTheOldestSend() {
        Instant firstSend = T0.plus(Duration.ofDays(3));
        ChannelState channel = CustomerHistory.of("c-1").sentEvery(EMAIL, firstSend, WEEK, 9).channel(EMAIL);

        SunsetDecision decision = POLICY.evaluate(channel, SunsetState.ACTIVE, T0);

        assertThat(decision.deadline()).contains(new Deadline(firstSend.plus(POLICY.silence()),
                SunsetAction.SEND_LAST_CHANCE));
    }

    @Test
    void evaluate_atTheLastChanceDeadlineAndOneSecondBefore_changesExactlyAtTheDeadline() {
        ChannelState channel = silentAfterAClick().channel(EMAIL);
        Instant deadline = POLICY.evaluate(channel, SunsetState.ACTIVE, T0).deadline().orElseThrow().at();

        SunsetDecision before = POLICY.evaluate(channel, SunsetState.ACTIVE, deadline.minus(SECOND));
        SunsetDecision at = POLICY.evaluate(channel, SunsetState.ACTIVE, deadline);

        assertThat(before.next()).isEqualTo(SunsetState.ACTIVE);
        assertThat(before.action()).isEmpty();
        assertThat(before.deadline().orElseThrow().at()).isEqualTo(deadline);
        assertThat(at.action()).contains(SunsetAction.SEND_LAST_CHANCE);
    }

    @Test
    void evaluate_atTheSunsetDeadlineAndOneSecondBefore_changesExactlyAtTheDeadline() {
        Instant sentAt = lastChanceDue();
        SunsetState.LastChance lastChance = new SunsetState.LastChance(sentAt);
        ChannelState channel = silentAfterAClick().sent(EMAIL, sentAt).channel(EMAIL);
        Instant deadline = POLICY.evaluate(channel, lastChance, sentAt).deadline().orElseThrow().at();

        SunsetDecision before = POLICY.evaluate(channel, lastChance, deadline.minus(SECOND));
        SunsetDecision at = POLICY.evaluate(channel, lastChance, deadline);

        assertThat(deadline).isEqualTo(sentAt.plus(Duration.ofDays(14)));
        assertThat(before.next()).isEqualTo(lastChance);
        assertThat(before.action()).isEmpty();
        assertThat(at.next()).isEqualTo(new SunsetState.Sunset(sentAt, deadline));
        assertThat(at.action()).contains(SunsetAction.ENTER_SUNSET);
        assertThat(at.deadline()).isEmpty();
    }

    @Test
    void evaluate_whenTheSunsetTimerFiresLate_startsTheSunsetWhenTheGraceRanOut() {
        Instant sentAt = lastChanceDue();

        SunsetDecision decision = POLICY.evaluate(silentAfterAClick().sent(EMAIL, sentAt).channel(EMAIL),
                new SunsetState.LastChance(sentAt), sentAt.plus(Duration.ofDays(30)));

        assertThat(decision.next()).isEqualTo(new SunsetState.Sunset(sentAt, sentAt.plus(POLICY.lastChanceGrace())));
    }

    @Test
    void evaluate_whenOpenedEveryWeekButNeverClicked_staysOnCourseToTheSunset() {
        CustomerHistory opener = silentAfterAClick();
        for (int week = 0; week < 40; week++) opener.opened(EMAIL, T0.plus(Duration.ofDays(2)).plus(WEEK.multipliedBy(week)));
        ChannelState channel = opener.channel(EMAIL);
        assertThat(channel.opens()).isEqualTo(40);

        SunsetDecision active = POLICY.evaluate(channel, SunsetState.ACTIVE, lastChanceDue());
        SunsetState.LastChance lastChance = (SunsetState.LastChance) active.next();
        channel = opener.sent(EMAIL, lastChanceDue()).channel(EMAIL);
        SunsetDecision lastChanceOver = POLICY.evaluate(channel, lastChance, lastChanceDue().plus(POLICY.lastChanceGrace()));
        SunsetDecision inSunset = POLICY.evaluate(channel, lastChanceOver.next(), T0.plus(Duration.ofDays(280)));

        assertThat(active.action()).contains(SunsetAction.SEND_LAST_CHANCE);
        assertThat(lastChanceOver.action()).contains(SunsetAction.ENTER_SUNSET);
        assertThat(inSunset.next()).isInstanceOf(SunsetState.Sunset.class);
        assertThat(inSunset.action()).isEmpty();
    }

    @Test
    void evaluate_whenClickedAfterTheLastChance_lifts() {
        Instant sentAt = lastChanceDue();
        ChannelState channel = silentAfterAClick().clicked(EMAIL, sentAt.plus(Duration.ofDays(2))).channel(EMAIL);

        SunsetDecision decision = POLICY.evaluate(channel, new SunsetState.LastChance(sentAt),
                sentAt.plus(Duration.ofDays(3)));

        assertThat(decision.next()).isEqualTo(SunsetState.ACTIVE);
        assertThat(decision.action()).contains(SunsetAction.LIFT);
        assertThat(decision.deadline()).isEmpty();
    }

    @Test
    void evaluate_whenConvertedDuringTheSunset_lifts() {
        Instant sentAt = lastChanceDue();
        SunsetState sunset = new SunsetState.Sunset(sentAt, sentAt.plus(POLICY.lastChanceGrace()));
        ChannelState channel = silentAfterAClick().converted(EMAIL, sentAt.plus(Duration.ofDays(60))).channel(EMAIL);

        SunsetDecision decision = POLICY.evaluate(channel, sunset, sentAt.plus(Duration.ofDays(61)));

        assertThat(decision.action()).contains(SunsetAction.LIFT);
        assertThat(decision.next()).isEqualTo(SunsetState.ACTIVE);
    }

    @Test
    void evaluate_whenAClickAnsweringTheLastChanceArrivesAfterTheSunsetBegan_lifts() {
        Instant sentAt = lastChanceDue();
        SunsetState sunset = new SunsetState.Sunset(sentAt, sentAt.plus(POLICY.lastChanceGrace()));
        ChannelState channel = silentAfterAClick().clicked(EMAIL, sentAt.plus(Duration.ofDays(1))).channel(EMAIL);

        assertThat(POLICY.evaluate(channel, sunset, sentAt.plus(Duration.ofDays(20))).action())
                .contains(SunsetAction.LIFT);
    }

    @Test
    void evaluate_whenALiftIsNoticedAfterASecondFullSilence_armsADeadlineThatIsAlreadyDue() {
        Instant sentAt = lastChanceDue();
        Instant click = sentAt.plus(Duration.ofDays(1));
        ChannelState channel = silentAfterAClick().clicked(EMAIL, click)
                .sentEvery(EMAIL, click.plus(WEEK), WEEK, POLICY.minQuietSends()).channel(EMAIL);
        Instant now = click.plus(Duration.ofDays(400));

        SunsetDecision lifted = POLICY.evaluate(channel, new SunsetState.LastChance(sentAt), now);
        SunsetDecision next = POLICY.evaluate(channel, lifted.next(), now);

        assertThat(lifted.action()).contains(SunsetAction.LIFT);
        assertThat(lifted.deadline()).contains(new Deadline(click.plus(POLICY.silence()), SunsetAction.SEND_LAST_CHANCE));
        assertThat(next.action()).contains(SunsetAction.SEND_LAST_CHANCE);
    }

    @Test
    void evaluate_whenOpenedDuringTheSunset_staysInTheSunset() {
        Instant sentAt = lastChanceDue();
        SunsetState sunset = new SunsetState.Sunset(sentAt, sentAt.plus(POLICY.lastChanceGrace()));
        ChannelState channel = silentAfterAClick().opened(EMAIL, sentAt.plus(Duration.ofDays(30))).channel(EMAIL);

        SunsetDecision decision = POLICY.evaluate(channel, sunset, sentAt.plus(Duration.ofDays(31)));

        assertThat(decision.next()).isEqualTo(sunset);
        assertThat(decision.action()).isEmpty();
        assertThat(decision.deadline()).isEmpty();
    }

    @Test
    void evaluate_whenMarketingConsentIsGrantedAgainDuringTheSunset_liftsAndRestartsTheClock() {
        Instant sentAt = lastChanceDue();
        SunsetState sunset = new SunsetState.Sunset(sentAt, sentAt.plus(POLICY.lastChanceGrace()));
        Instant optIn = sentAt.plus(Duration.ofDays(40));
        CustomerHistory history = silentAfterAClick().consent(EMAIL, Purpose.MARKETING, true, optIn);

        SunsetDecision lifted = POLICY.evaluate(history.channel(EMAIL), sunset, optIn.plus(SECOND));
        // Eight more unanswered emails after the opt-in start the clock again, from the opt-in.
        history.sentEvery(EMAIL, optIn.plus(WEEK), WEEK, POLICY.minQuietSends());
        SunsetDecision later = POLICY.evaluate(history.channel(EMAIL), SunsetState.ACTIVE, optIn.plus(Duration.ofDays(70)));

        assertThat(lifted.action()).contains(SunsetAction.LIFT);
        assertThat(lifted.next()).isEqualTo(SunsetState.ACTIVE);
        assertThat(lifted.deadline()).isEmpty();
        assertThat(later.deadline()).contains(new Deadline(optIn.plus(POLICY.silence()), SunsetAction.SEND_LAST_CHANCE));
    }

    @Test
    void evaluate_whenResubscribedDuringTheSunset_lifts() {
        Instant sentAt = lastChanceDue();
        SunsetState sunset = new SunsetState.Sunset(sentAt, sentAt.plus(POLICY.lastChanceGrace()));
        ChannelState channel = silentAfterAClick()
                .emailStatus(EmailStatus.UNSUBSCRIBED, sentAt.plus(Duration.ofDays(20)))
                .emailStatus(EmailStatus.SUBSCRIBED, sentAt.plus(Duration.ofDays(50))).channel(EMAIL);

        assertThat(POLICY.evaluate(channel, sunset, sentAt.plus(Duration.ofDays(51))).action())
                .contains(SunsetAction.LIFT);
    }

    @Test
    void evaluate_whenTheOnlyOptInPredatesTheLastChance_staysInTheSunset() {
        Instant sentAt = lastChanceDue();
        SunsetState sunset = new SunsetState.Sunset(sentAt, sentAt.plus(POLICY.lastChanceGrace()));
        ChannelState channel = silentAfterAClick().emailStatus(EmailStatus.SUBSCRIBED, T0.minus(WEEK)).channel(EMAIL);

        assertThat(POLICY.evaluate(channel, sunset, sentAt.plus(Duration.ofDays(51))).next()).isEqualTo(sunset);
    }

    @Test
    void evaluate_whenUnsubscribed_neverSendsALastChance() {
        ChannelState channel = silentAfterAClick().emailStatus(EmailStatus.UNSUBSCRIBED, T0.plus(WEEK)).channel(EMAIL);

        SunsetDecision decision = POLICY.evaluate(channel, SunsetState.ACTIVE, T0.plus(Duration.ofDays(400)));

        assertThat(decision.action()).isEmpty();
        assertThat(decision.deadline()).isEmpty();
    }

    @Test
    void evaluate_whenPushIsUnreachableAfterAnUninstall_neverSendsALastChance() {
        ChannelState push = CustomerHistory.of("c-1").sentEvery(Channel.PUSH, T0, Duration.ofDays(3), 16)
                .uninstalled(T0.plus(Duration.ofDays(50))).channel(Channel.PUSH);

        assertThat(SunsetPolicy.PUSH.evaluate(push, SunsetState.ACTIVE, T0.plus(Duration.ofDays(400))).action())
                .isEmpty();
    }

    @Test
    void allows_inTheSunset_blocksMarketingButNeverTransactional() {
        SunsetState sunset = new SunsetState.Sunset(T0, T0.plus(WEEK));

        assertThat(sunset.allows(Purpose.MARKETING)).isFalse();
        assertThat(sunset.allows(Purpose.TRANSACTIONAL)).isTrue();
        assertThat(new SunsetState.LastChance(T0).allows(Purpose.MARKETING)).isTrue();
        assertThat(SunsetState.ACTIVE.allows(Purpose.MARKETING)).isTrue();
    }

    @Test
    void new_whenTheSendThresholdExceedsTheKeptHistory_isRefused() {
        assertThatThrownBy(() -> new SunsetPolicy(Duration.ofDays(1), ChannelState.SEND_HISTORY + 1, Duration.ofDays(1)))
                .hasMessageContaining("minQuietSends must be from 1 to 16");
        assertThatThrownBy(() -> new SunsetPolicy(Duration.ofDays(1), 0, Duration.ofDays(1)))
                .hasMessageContaining("minQuietSends");
        assertThatThrownBy(() -> new SunsetPolicy(Duration.ZERO, 3, Duration.ofDays(1)))
                .hasMessageContaining("silence must be positive");
        assertThatThrownBy(() -> new SunsetPolicy(Duration.ofDays(1), 3, Duration.ofDays(-1)))
                .hasMessageContaining("lastChanceGrace must be positive");
    }

    @Test
    void evaluate_whenNothingWasEverSent_staysActiveWithoutADeadline() {
        SunsetDecision decision = POLICY.evaluate(ChannelState.NONE, SunsetState.ACTIVE, T0);

        assertThat(decision).isEqualTo(new SunsetDecision(SunsetState.ACTIVE, Optional.empty(), Optional.empty(),
                decision.explanation()));
    }
}
