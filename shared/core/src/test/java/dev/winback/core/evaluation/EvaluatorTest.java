package dev.winback.core.evaluation;

import static dev.winback.core.evaluation.TestPolicy.MODEL;
import static dev.winback.core.evaluation.TestPolicy.POLICY;
import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Platform;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.RiskState;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Evaluation;
import dev.winback.core.signal.CustomerEvents;
import dev.winback.core.record.SignalType;
import dev.winback.core.sunset.SunsetAction;
import dev.winback.core.record.SunsetState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    /** App every 6 days from day 0 to day 60: lapsed on day 84, dormant on day 240. */
    private static CustomerEvents everySixDays(String id) {
        return customer(id).visits(Platform.APP, day(0), Duration.ofDays(6), 11);
    }

    private static Evaluator.Outcome evaluate(EngagementRecord record, Instant now) {
        return Evaluator.evaluate(record, now, POLICY, MODEL);
    }

    /** Evaluates and stores the result in the record, as the evaluator does. */
    private static EngagementRecord evaluated(EngagementRecord record, Instant now) {
        return record.withEvaluation(evaluate(record, now).evaluation());
    }

    @Test
    void evaluate_whenASignalFirstHolds_requestsItsActionsAndRemembersTheirKeys() {
        EngagementRecord record = everySixDays("lapsing").record();

        Evaluator.Outcome outcome = evaluate(record, day(85));

        assertThat(outcome.signalsChanged()).isTrue();
        assertThat(outcome.hasWork()).isTrue();
        assertThat(outcome.newActions()).extracting(ActionRequest::action).containsExactly(RetentionAction.LAPSED_CAMPAIGN);
        Evaluation.Evaluated evaluation = outcome.evaluation();
        assertThat(evaluation.state()).isEqualTo(RiskState.LAPSED);
        assertThat(evaluation.since()).isEqualTo(day(84));
        assertThat(evaluation.evaluatedAt()).isEqualTo(day(85));
        assertThat(evaluation.signals()).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo(SignalType.LAPSED);
            assertThat(signal.since()).isEqualTo(day(84));
            assertThat(signal.actionKeys()).containsExactly(outcome.newActions().getFirst().idempotencyKey());
        });
        assertThat(evaluation.next()).contains(day(240));
        assertThat(outcome.next()).hasValueSatisfying(next -> assertThat(next.reason()).contains("DORMANT"));
    }

    @Test
    void evaluate_whileTheSameSignalHolds_requestsNothingMore() {
        EngagementRecord record = evaluated(everySixDays("still-lapsed").record(), day(85));

        Evaluator.Outcome again = evaluate(record, day(120));

        assertThat(again.newActions()).isEmpty();
        assertThat(again.signalsChanged()).isFalse();
        assertThat(again.hasWork()).isFalse();
        assertThat(again.evaluation().signals()).isEqualTo(record.evaluation().signals());
    }

    @Test
    void evaluate_whenASignalEndsAndComesBack_actsOnTheNewOccurrence() {
        CustomerEvents history = everySixDays("came-back");
        EngagementRecord lapsed = evaluated(history.record(), day(85));
        EngagementRecord returned = history.visit(Platform.APP, day(100)).record().withEvaluation(lapsed.evaluation());

        Evaluator.Outcome back = evaluate(returned, day(100).plusSeconds(60));
        assertThat(back.signalsChanged()).as("the lapse ended").isTrue();
        assertThat(back.evaluation().signals()).isEmpty();
        assertThat(back.newActions()).isEmpty();

        EngagementRecord quietAgain = returned.withEvaluation(back.evaluation());
        Evaluator.Outcome lapsedAgain = evaluate(quietAgain, day(200));
        assertThat(lapsedAgain.newActions()).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo(RetentionAction.LAPSED_CAMPAIGN);
            assertThat(action.idempotencyKey())
                    .isNotEqualTo(lapsed.evaluation().signals().getFirst().actionKeys().getFirst());
        });
    }

    @Test
    void evaluate_whenAHoldingSignalsDetectedStartMoves_keepsTheFirstStartAndItsKeys() {
        // Visits daily and ignores email: once the send history is full, every send moves the n-th
        // ignored send, which is when the detector says the signal started.
        CustomerEvents history = customer("ignores-email")
                .visits(Platform.APP, day(0), Duration.ofDays(1), 60)
                .sends(Channel.EMAIL, day(1), Duration.ofDays(2), 20);
        EngagementRecord first = evaluated(history.record(), day(45));
        EvaluatedSignal ignored = first.evaluation().signal(SignalType.MESSAGES_IGNORED, "email").orElseThrow();

        EngagementRecord later = history.sent(Channel.EMAIL, day(50)).record().withEvaluation(first.evaluation());
        Evaluator.Outcome outcome = evaluate(later, day(50).plusSeconds(60));

        assertThat(outcome.signals()).filteredOn(s -> s.type() == SignalType.MESSAGES_IGNORED).singleElement()
                .satisfies(detected -> assertThat(detected.since()).as("the detector moved it").isAfter(ignored.since()));
        assertThat(outcome.newActions()).isEmpty();
        assertThat(outcome.evaluation().signal(SignalType.MESSAGES_IGNORED, "email")).contains(ignored);
    }

    @Test
    void evaluate_whenAnEmailSunsetFallsDue_recordsItAndPlansOtherChannels() {
        EngagementRecord record = customer("never-clicks")
                .sends(Channel.EMAIL, day(0), Duration.ofDays(7), 10).record();

        Evaluator.Outcome warned = evaluate(record, day(200));
        assertThat(warned.sunsetChanges()).singleElement().satisfies(change -> {
            assertThat(change.channel()).isEqualTo(Channel.EMAIL);
            assertThat(change.action()).isEqualTo(SunsetAction.SEND_LAST_CHANCE);
        });
        assertThat(warned.hasWork()).isTrue();
        assertThat(warned.evaluation().sunsets().state(Channel.EMAIL)).isEqualTo(new SunsetState.LastChance(day(200)));
        assertThat(warned.newActions()).singleElement().satisfies(lastChance -> {
            assertThat(lastChance.campaignId()).isEqualTo("email-last-chance");
            assertThat(lastChance.channelPlan()).containsExactly(Channel.EMAIL);
            assertThat(lastChance.action()).isEqualTo(RetentionAction.PERMISSION_RENEWAL);
            assertThat(lastChance.signalSince()).isEqualTo(day(200));
        });
        assertThat(warned.next()).hasValueSatisfying(next -> {
            assertThat(next.at()).isEqualTo(day(207));
            assertThat(next.reason()).isEqualTo("email sunset: send_last_chance due");
        });
        assertThat(evaluate(record.withEvaluation(warned.evaluation()), day(214)).sunsetChanges())
                .as("not sent: no sunset").extracting(SunsetChange::action).doesNotContain(SunsetAction.ENTER_SUNSET);

        // The last chance goes out a day later; the sunset comes 14 days after that.
        EngagementRecord sent = customer("never-clicks").sends(Channel.EMAIL, day(0), Duration.ofDays(7), 10)
                .sent(Channel.EMAIL, day(201)).record().withEvaluation(warned.evaluation());
        assertThat(evaluate(sent, day(214)).sunsetChanges()).isEmpty();
        Evaluator.Outcome sunset = evaluate(sent, day(215));
        assertThat(sunset.sunsetChanges()).extracting(SunsetChange::action).containsExactly(SunsetAction.ENTER_SUNSET);
        assertThat(sunset.evaluation().sunsets().state(Channel.EMAIL)).isInstanceOf(SunsetState.Sunset.class);
        assertThat(sunset.evaluation().sunsets().allows(Channel.EMAIL, dev.winback.core.event.Purpose.MARKETING)).isFalse();
    }

    @Test
    void dueAt_withWork_isNowRoundedUp_andWithoutWork_isTheNextDeadline() {
        EngagementRecord record = everySixDays("timer").record();
        Instant now = day(85).plusMillis(1);

        assertThat(Evaluator.dueAt(record, now, POLICY, MODEL)).contains(day(85).plusSeconds(1));
        EngagementRecord done = evaluated(record, now);
        assertThat(Evaluator.dueAt(done, now.plusSeconds(30), POLICY, MODEL)).contains(day(240));
    }

    @Test
    void dueAt_forAQuietNeverEvaluatedCustomer_isTheirFirstDeadline() {
        EngagementRecord record = everySixDays("new").record();

        assertThat(Evaluator.dueAt(record, day(61), POLICY, MODEL)).contains(day(72));
        assertThat(record.evaluation()).isEqualTo(Evaluation.NONE);
    }

    @Test
    void dueTimes_roundUpToTheSecond_neverDown() {
        assertThat(DueTimes.roundUp(Instant.parse("2026-11-23T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(DueTimes.roundUp(Instant.parse("2026-11-23T10:00:00.000000001Z")))
                .isEqualTo(Instant.parse("2026-11-23T10:00:01Z"));
    }

    @Test
    void onIngest_armsWhenAbsent_movesEarlier_leavesFarOffTimers() {
        Instant now = day(1);
        Optional<Instant> armed = Optional.of(day(10));
        assertThat(DueTimes.onIngest(Optional.empty(), Optional.of(day(20)), now)).contains(day(20));
        assertThat(DueTimes.onIngest(armed, Optional.of(day(5)), now)).contains(day(5));
        assertThat(DueTimes.onIngest(armed, Optional.of(day(10)), now)).isEmpty();
        assertThat(DueTimes.onIngest(armed, Optional.of(day(20)), now)).as("far off: left to fire early").isEmpty();
        assertThat(DueTimes.onIngest(armed, Optional.empty(), now)).as("the evaluator disarms").isEmpty();
        assertThat(DueTimes.onIngest(Optional.empty(), Optional.empty(), now)).isEmpty();
    }

    @Test
    void onIngest_postponesATimerAboutToFireForNothing() {
        Optional<Instant> armed = Optional.of(day(10));
        Instant justBefore = day(10).minus(DueTimes.POSTPONE_WITHIN).plusSeconds(1);
        Instant tooEarly = day(10).minus(DueTimes.POSTPONE_WITHIN);
        assertThat(DueTimes.onIngest(armed, Optional.of(day(20)), justBefore)).contains(day(20));
        assertThat(DueTimes.onIngest(armed, Optional.of(day(20)), tooEarly)).isEmpty();
        assertThat(DueTimes.onIngest(armed, Optional.of(day(20)), day(11)))
                .as("an overdue timer the evaluator has not reached yet").contains(day(20));
        assertThat(DueTimes.onIngest(armed, Optional.of(day(11)), day(11)))
                .as("work now: the overdue timer stays due").isEmpty();
    }

    @Test
    void engagementView_ignoresTheEvaluation() {
        EngagementRecord record = everySixDays("view").record();

        assertThat(evaluated(record, day(85)).engagementView()).isEqualTo(record.engagementView());
        assertThat(List.of(record.evaluation())).containsExactly(Evaluation.NONE);
    }
}
