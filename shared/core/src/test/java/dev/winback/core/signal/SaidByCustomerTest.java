package dev.winback.core.signal;

import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.MembershipStatus;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SaidByCustomerTest {

    private static final SignalPolicy POLICY = SignalPolicy.defaults();
    private static final PurchaseModel MODEL = new BgNbdModel(BgNbdParameters.defaults());

    private static List<Signal> detect(EngagementRecord record) {
        return SignalDetector.detect(record, day(64), POLICY, MODEL);
    }

    @Test
    void detect_pushTurnedOffRightAfterInstalling_isWeak() {
        EngagementRecord record = customer("early-push-off")
                .installed(day(0)).pushPermission(true, day(0)).pushPermission(false, day(2)).record();

        assertThat(detect(record)).singleElement().isInstanceOfSatisfying(Signal.PushOptOut.class, optOut -> {
            assertThat(optOut.soonAfterInstall()).isTrue();
            assertThat(optOut.strength()).isEqualTo(Strength.WEAK);
            assertThat(optOut.since()).isEqualTo(day(2));
            assertThat(optOut.explanation())
                    .isEqualTo("turned push off 2 days after installing (weak: many people decline push for every app)");
        });
    }

    @Test
    void detect_pushTurnedOffAfterLongOptedIn_isStrongAndCountsThePushesSent() {
        EngagementRecord record = customer("late-push-off")
                .installed(day(0)).pushPermission(true, day(0))
                .sent(Channel.PUSH, day(4)).feedback(Channel.PUSH, MessageFeedbackKind.OPENED, day(5))
                .sends(Channel.PUSH, day(7), Duration.ofDays(4), 14)
                .pushPermission(false, day(63)).record();

        assertThat(detect(record)).singleElement().isInstanceOfSatisfying(Signal.PushOptOut.class, optOut -> {
            assertThat(optOut.soonAfterInstall()).isFalse();
            assertThat(optOut.strength()).isEqualTo(Strength.STRONG);
            assertThat(optOut.since()).isEqualTo(day(63));
            assertThat(optOut.explanation()).isEqualTo("turned push off after 63 days opted in; 14 pushes sent since the last open");
        });
    }

    @Test
    void detect_pushOffAtTheEdgeOfTheEarlyWindow_isNoLongerEarly() {
        EngagementRecord justInside = customer("inside").installed(day(0)).pushPermission(true, day(0))
                .pushPermission(false, day(7).minusSeconds(1)).record();
        EngagementRecord atTheEdge = customer("edge").installed(day(0)).pushPermission(true, day(0))
                .pushPermission(false, day(7)).record();

        assertThat(detect(justInside)).singleElement().extracting(Signal::strength).isEqualTo(Strength.WEAK);
        assertThat(detect(atTheEdge)).singleElement().extracting(Signal::strength).isEqualTo(Strength.STRONG);
    }

    @Test
    void detect_pushDeclinedLaterWithoutEverOptingIn_isWeak() {
        EngagementRecord record = customer("never-wanted-push")
                .installed(day(0)).visit(Platform.APP, day(0)).pushPermission(false, day(20)).record();

        assertThat(detect(record)).filteredOn(s -> s.type() == SignalType.PUSH_OPT_OUT).singleElement()
                .isInstanceOfSatisfying(Signal.PushOptOut.class, optOut -> {
                    assertThat(optOut.soonAfterInstall()).isFalse();
                    assertThat(optOut.strength()).isEqualTo(Strength.WEAK);
                });
    }

    @Test
    void detect_pushGrantedAgain_isNothing() {
        EngagementRecord record = customer("push-back-on")
                .pushPermission(true, day(0)).pushPermission(false, day(30)).pushPermission(true, day(40)).record();

        assertThat(detect(record)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "UNSUBSCRIBED, MEDIUM, unsubscribed from email on 2026-01-25",
            "COMPLAINED,   STRONG, marked email as spam on 2026-01-25",
            "BLOCKED,      STRONG, blocked the sender on 2026-01-25"})
    void detect_emailWithdrawn_isStrongForComplaintsAndBlocks(EmailStatus status, Strength strength, String said) {
        EngagementRecord record = customer("email-" + status)
                .email(EmailStatus.SUBSCRIBED, day(0))
                .sends(Channel.EMAIL, day(1), Duration.ofDays(1), 12)
                .feedback(Channel.EMAIL, MessageFeedbackKind.CLICKED, day(3))
                .email(status, day(20)).record();

        assertThat(detect(record)).singleElement().isInstanceOfSatisfying(Signal.EmailWithdrawn.class, withdrawn -> {
            assertThat(withdrawn.status()).isEqualTo(status);
            assertThat(withdrawn.strength()).isEqualTo(strength);
            assertThat(withdrawn.since()).isEqualTo(day(20));
            assertThat(withdrawn.explanation()).isEqualTo(said + " (after 12 emails, 1 click, the last on 2026-01-08)");
        });
    }

    @Test
    void detect_emailMarketingConsentWithdrawn_isAnUnsubscribe() {
        EngagementRecord record = customer("consent-off").email(EmailStatus.SUBSCRIBED, day(0))
                .emailMarketingConsent(false, day(10)).record();

        assertThat(detect(record)).singleElement().isInstanceOfSatisfying(Signal.EmailWithdrawn.class, withdrawn -> {
            assertThat(withdrawn.status()).isEqualTo(EmailStatus.UNSUBSCRIBED);
            assertThat(withdrawn.since()).isEqualTo(day(10));
            assertThat(withdrawn.explanation()).startsWith("withdrew email marketing consent on 2026-01-15");
        });
    }

    @Test
    void detect_emailResubscribedAfterWithdrawingConsent_isNothing() {
        EngagementRecord record = customer("consent-then-resubscribe")
                .emailMarketingConsent(false, day(10)).email(EmailStatus.SUBSCRIBED, day(12)).record();

        assertThat(detect(record)).isEmpty();
    }

    @Test
    void detect_membershipCancelled_isStrongWithTierAndTenure() {
        EngagementRecord record = customer("gold-leaver")
                .membership("gold", MembershipStatus.STARTED, day(0))
                .membership("gold", MembershipStatus.RENEWED, day(30))
                .membership("gold", MembershipStatus.CANCELLED, day(60)).record();

        assertThat(detect(record)).singleElement().isInstanceOfSatisfying(Signal.MembershipCancelled.class, cancelled -> {
            assertThat(cancelled.tier()).isEqualTo("gold");
            assertThat(cancelled.strength()).isEqualTo(Strength.STRONG);
            assertThat(cancelled.since()).isEqualTo(day(60));
            assertThat(cancelled.explanation()).isEqualTo("cancelled the gold membership on 2026-03-06, 60 days after first joining");
        });
    }

    @Test
    void detect_membershipRenewedAfterCancelling_isNothing() {
        EngagementRecord record = customer("gold-back")
                .membership("gold", MembershipStatus.CANCELLED, day(10))
                .membership("gold", MembershipStatus.STARTED, day(20)).record();

        assertThat(detect(record)).isEmpty();
    }

    @Test
    void detect_appUninstalled_isStrongWithTheLastSessionAndThePushes() {
        EngagementRecord record = customer("uninstaller")
                .installed(day(0)).pushPermission(true, day(0))
                .visits(Platform.APP, day(0), Duration.ofDays(2), 20)
                .sends(Channel.PUSH, day(30), Duration.ofDays(1), 9)
                .uninstalled(day(40)).record();

        assertThat(detect(record)).filteredOn(s -> s.type() == SignalType.APP_UNINSTALLED).singleElement()
                .satisfies(uninstalled -> {
                    assertThat(uninstalled.strength()).isEqualTo(Strength.STRONG);
                    assertThat(uninstalled.since()).isEqualTo(day(40));
                    assertThat(uninstalled.explanation()).isEqualTo("uninstalled the app on 2026-02-14, 40 days after "
                            + "installing it; last app session 2026-02-12; 9 pushes sent and none ever opened");
                });
    }

    @Test
    void detect_appReinstalled_isNothing() {
        EngagementRecord record = customer("reinstaller")
                .installed(day(0)).uninstalled(day(10)).installed(day(12)).record();

        assertThat(detect(record)).isEmpty();
    }
}
