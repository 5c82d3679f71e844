package dev.winback.core.lifecycle;

import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.model.AtRiskMoment;
import dev.winback.core.model.BgNbdModel;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.PurchaseHistory;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RiskState;
import dev.winback.core.signal.QuietThreshold;
import dev.winback.core.signal.Signal;
import dev.winback.core.signal.SignalDetector;
import dev.winback.core.record.SignalType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskLifecycleTest {

    static final LifecyclePolicy POLICY = LifecyclePolicy.defaults();
    static final PurchaseModel MODEL = new BgNbdModel(BgNbdParameters.defaults());

    /** App every 6 days, days 0 to 60: cooling on day 72, at risk on 78, lapsed on 84, dormant on 240. */
    private static final EngagementRecord EVERY_SIX_DAYS = customer("every-six-days")
            .visits(Platform.APP, day(0), Duration.ofDays(6), 11).record();

    /** The supported call sequence: detect, then assess with the same signals. */
    static RiskAssessment assess(EngagementRecord record, Instant now) {
        List<Signal> signals = SignalDetector.detect(record, now, POLICY.signals(), MODEL);
        return RiskLifecycle.assess(record, signals, now, POLICY, MODEL);
    }

    @ParameterizedTest(name = "day {0} {1}s: {2} since day {3}")
    @CsvSource({
            "61,  0, ACTIVE,  14",
            "72, -1, ACTIVE,  14",
            "72,  0, COOLING, 72",
            "78, -1, COOLING, 72",
            "78,  0, AT_RISK, 78",
            "84, -1, AT_RISK, 78",
            "84,  0, LAPSED,  84",
            "240, -1, LAPSED, 84",
            "240, 0, DORMANT, 240"})
    void assess_movesDownTheTableAtMultiplesOfTheUsualGap(int onDay, int seconds, RiskState state, int sinceDay) {
        RiskAssessment assessment = assess(EVERY_SIX_DAYS, day(onDay).plusSeconds(seconds));

        assertThat(assessment.state()).isEqualTo(state);
        assertThat(assessment.since()).isEqualTo(day(sinceDay));
    }

    @Test
    void assess_deadlinesFollowTheTableAndEndOnceDormant() {
        Instant now = day(61);
        StringBuilder path = new StringBuilder();
        for (RiskAssessment a = assess(EVERY_SIX_DAYS, now); a.nextDeadline().isPresent(); a = assess(EVERY_SIX_DAYS, now)) {
            now = a.nextDeadline().get().at();
            path.append(a.nextDeadline().get().reason()).append('\n');
        }

        assertThat(path.toString()).isEqualTo("""
                ACTIVE -> COOLING (every platform quiet for 2 usual gaps (at least 7 days))
                COOLING -> AT_RISK (every platform quiet for 3 usual gaps (at least 10 days))
                AT_RISK -> LAPSED; lapsed (strong) starts (every platform quiet for 4 usual gaps (at least 14 days))
                LAPSED -> DORMANT (every platform quiet for 8 usual gaps (at least 180 days))
                """);
        assertThat(now).isEqualTo(day(240));
    }

    @Test
    void assess_aNewCustomerWhoKeepsComing_becomesActiveWhenTheNewWindowCloses() {
        EngagementRecord daily = customer("daily").visits(Platform.WEB, day(0), Duration.ofDays(1), 14).record();

        RiskAssessment atDay13 = assess(daily, day(13));

        assertThat(atDay13.state()).isEqualTo(RiskState.NEW);
        assertThat(atDay13.since()).isEqualTo(day(0));
        assertThat(atDay13.nextDeadline()).hasValueSatisfying(deadline -> {
            assertThat(deadline.at()).isEqualTo(day(14));
            assertThat(deadline.reason()).isEqualTo("NEW -> ACTIVE (new-customer window ends)");
        });
        assertThat(assess(daily, day(14)).state()).isEqualTo(RiskState.ACTIVE);
    }

    @Test
    void assess_aNewCustomerWhoNeverCameBack_coolsWhenTheNewWindowCloses() {
        EngagementRecord once = customer("once").visit(Platform.WEB, day(0)).record();

        assertThat(assess(once, day(14).minusSeconds(1)).state()).isEqualTo(RiskState.NEW);
        assertThat(assess(once, day(14))).satisfies(a -> {
            assertThat(a.state()).isEqualTo(RiskState.COOLING);
            assertThat(a.since()).isEqualTo(day(14));
        });
    }

    /** Web every 10 days to day 40 (cooling on 60, at risk on 70, lapsed on 80); a spam complaint on day 35. */
    @Test
    void assess_aStrongStatedSignalKeepsTheCustomerAtRiskForItsWindowOnly() {
        EngagementRecord record = customer("complainer")
                .visits(Platform.WEB, day(0), Duration.ofDays(10), 5)
                .email(EmailStatus.COMPLAINED, day(35)).record();

        RiskAssessment atDay40 = assess(record, day(40));
        assertThat(atDay40.state()).isEqualTo(RiskState.AT_RISK);
        assertThat(atDay40.since()).isEqualTo(day(35));
        assertThat(atDay40.nextDeadline()).hasValueSatisfying(deadline -> {
            assertThat(deadline.at()).isEqualTo(day(65));
            assertThat(deadline.reason()).isEqualTo("AT_RISK -> COOLING (strong stated signal 30 days old)");
        });

        RiskAssessment atDay65 = assess(record, day(65));
        assertThat(atDay65.state()).isEqualTo(RiskState.COOLING);
        assertThat(atDay65.since()).as("when the complaint's window closed, not when cooling began").isEqualTo(day(65));
        assertThat(atDay65.nextDeadline()).map(Deadline::at).hasValue(day(70));
        assertThat(atDay65.has(SignalType.EMAIL_WITHDRAWN)).as("the signal itself persists").isTrue();

        assertThat(assess(record, day(70))).satisfies(a -> {
            assertThat(a.state()).isEqualTo(RiskState.AT_RISK);
            assertThat(a.since()).isEqualTo(day(70));
        });
    }

    @Test
    void assess_overlappingReasonsMakeOneUnbrokenAtRiskRun_andThresholdsInsideItAreNoDeadline() {
        EngagementRecord record = customer("leaving-loudly")
                .visits(Platform.WEB, day(0), Duration.ofDays(1), 71)
                .email(EmailStatus.COMPLAINED, day(35))
                .membership("gold", MembershipStatus.CANCELLED, day(60)).record();

        RiskAssessment atDay70 = assess(record, day(70));

        assertThat(atDay70.state()).isEqualTo(RiskState.AT_RISK);
        assertThat(atDay70.since()).isEqualTo(day(35));
        // Cooling (day 77), quiet for at-risk (day 80): nothing visible changes until the lapse on day 84.
        assertThat(atDay70.nextDeadline()).hasValueSatisfying(deadline -> {
            assertThat(deadline.at()).isEqualTo(day(84));
            assertThat(deadline.reason()).startsWith("AT_RISK -> LAPSED; lapsed (strong) starts");
        });
    }

    @Test
    void assess_aSteadyBuyerWhoStoppedBuyingButStillVisits_isAtRiskFromTheModelsMoment() {
        Instant atRisk = AtRiskMoment.after(MODEL, new PurchaseHistory(12, day(0), day(360)), POLICY.signals().purchaseRisk())
                .orElseThrow();
        EngagementRecord record = customer("stopped-buying")
                .purchases(day(0), Duration.ofDays(30), 13)
                .visits(Platform.APP, day(500), Duration.ofDays(1), 61).record();

        assertThat(atRisk).isBetween(day(500), day(560));
        RiskAssessment assessment = assess(record, day(560));
        assertThat(assessment.state()).isEqualTo(RiskState.AT_RISK);
        assertThat(assessment.since()).isEqualTo(atRisk);
        assertThat(assessment.has(SignalType.PURCHASE_LAPSE)).isTrue();
        assertThat(assess(record, atRisk.minusSeconds(1)).nextDeadline()).hasValueSatisfying(deadline -> {
            assertThat(deadline.at()).isEqualTo(atRisk);
            assertThat(deadline.reason()).contains("purchase at-risk moment");
        });
    }

    @Test
    void assess_aCustomerWhoMovedFromTheWebsiteToTheApp_isActiveNotLapsed() {
        EngagementRecord record = customer("web-then-app")
                .visits(Platform.WEB, day(0), Duration.ofDays(3), 31)
                .visits(Platform.APP, day(80), Duration.ofDays(2), 61).record();

        RiskAssessment assessment = assess(record, day(201));

        assertThat(assessment.state()).isEqualTo(RiskState.ACTIVE);
        assertThat(assessment.signals()).containsExactly(SignalType.PLATFORM_MIGRATION);
        // The app's usual gap is 2 days, so it cools after the 7-day floor, well before it is quiet (day 214).
        assertThat(assessment.nextDeadline()).hasValueSatisfying(deadline -> {
            assertThat(deadline.at()).isEqualTo(day(207));
            assertThat(deadline.reason()).isEqualTo("ACTIVE -> COOLING (every platform quiet for 2 usual gaps (at least 7 days))");
        });
        assertThat(assess(record, day(214))).satisfies(a -> {
            assertThat(a.state()).isEqualTo(RiskState.LAPSED);
            assertThat(a.signals()).containsExactly(SignalType.LAPSED);
        });
    }

    @Test
    void assess_aCustomerNeverSeenOnAPlatform_isNewSinceTheFirstThingTheRecordKnows() {
        EngagementRecord record = customer("only-mailed").sends(Channel.EMAIL, day(3), Duration.ofDays(1), 8).record();

        RiskAssessment assessment = assess(record, day(100));

        assertThat(assessment.state()).isEqualTo(RiskState.NEW);
        assertThat(assessment.since()).isEqualTo(day(3));
        assertThat(assessment.score()).isZero();
        assertThat(assessment.nextDeadline()).isEmpty();
    }

    @Test
    void assess_aCustomerNeverSeenOnAPlatformWhoComplained_isAtRiskForTheWindowThenNewAgain() {
        EngagementRecord record = customer("mailed-and-complained").sends(Channel.EMAIL, day(3), Duration.ofDays(1), 8)
                .email(EmailStatus.COMPLAINED, day(10)).record();

        RiskAssessment atDay11 = assess(record, day(11));
        assertThat(atDay11.state()).isEqualTo(RiskState.AT_RISK);
        assertThat(atDay11.nextDeadline()).map(Deadline::at).hasValue(day(40));
        assertThat(assess(record, day(40))).satisfies(a -> {
            assertThat(a.state()).isEqualTo(RiskState.NEW);
            assertThat(a.since()).isEqualTo(day(40));
            assertThat(a.nextDeadline()).isEmpty();
        });
    }

    @Test
    void assess_score_isTheChanceTheCustomerIsGone_threeQuartersAtTheLapse_andStatedSignalsAddToIt() {
        EngagementRecord complained = customer("complained").visits(Platform.APP, day(0), Duration.ofDays(6), 11)
                .email(EmailStatus.COMPLAINED, day(60)).record();

        assertThat(assess(EVERY_SIX_DAYS, day(60)).score()).as("right after a visit").isCloseTo(0.052, within(0.001));
        assertThat(assess(EVERY_SIX_DAYS, day(72)).score()).as("cooling").isCloseTo(0.289, within(0.001));
        assertThat(assess(EVERY_SIX_DAYS, day(78)).score()).as("at risk").isCloseTo(0.524, within(0.001));
        assertThat(assess(EVERY_SIX_DAYS, day(84)).score()).as("lapsed").isCloseTo(0.75, within(1e-9));
        assertThat(assess(EVERY_SIX_DAYS, day(5000)).score()).as("long gone").isEqualTo(1.0);
        assertThat(assess(complained, day(84)).score()).isCloseTo(1 - 0.25 * 0.6, within(1e-9));
    }

    @Test
    void assess_score_ofABuyerIsOneHalfAtTheAtRiskMoment() {
        EngagementRecord record = customer("buyer").purchases(day(0), Duration.ofDays(30), 13).record();
        Instant atRisk = AtRiskMoment.after(MODEL, new PurchaseHistory(12, day(0), day(360)), POLICY.signals().purchaseRisk())
                .orElseThrow();

        assertThat(assess(record, atRisk).score()).isCloseTo(0.5, within(1e-6));
        assertThat(assess(record, day(361)).score()).isLessThan(0.01);
    }

    @Test
    void assess_refusesSignalsThatAreNotTheRecordsAtThatInstant() {
        List<Signal> atDay61 = SignalDetector.detect(EVERY_SIX_DAYS, day(61), POLICY.signals(), MODEL);

        assertThatThrownBy(() -> RiskLifecycle.assess(EVERY_SIX_DAYS, atDay61, day(100), POLICY, MODEL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every-six-days");
    }

    @Test
    void lifecyclePolicy_refusesThresholdsOutOfOrder() {
        LifecyclePolicy d = LifecyclePolicy.defaults();

        assertThatThrownBy(() -> new LifecyclePolicy(d.signals(), d.newCustomer(), d.atRisk(), d.cooling(), d.dormant(),
                d.strongSignalWindow(), d.weights())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LifecyclePolicy(d.signals(), d.newCustomer(), d.cooling(), d.atRisk(),
                new QuietThreshold(8, Duration.ofDays(7)), d.strongSignalWindow(), d.weights()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
