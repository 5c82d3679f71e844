package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.signal.Signal;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.record.ChannelSunsets;
import dev.winback.core.sunset.CustomerHistory;
import dev.winback.core.record.SunsetState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.winback.core.event.Channel.EMAIL;
import static dev.winback.core.event.Channel.IN_APP;
import static dev.winback.core.event.Channel.PUSH;
import static dev.winback.core.event.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybookTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofDays(3));
    private static final Playbook PLAYBOOK = TestPlaybooks.playbook();
    private static final EngagementRecord UNKNOWN = EngagementRecord.empty("c-1");

    private static List<ActionRequest> actionsFor(Signal signal, EngagementRecord record) {
        return PLAYBOOK.actionsFor(record.customerId(), signal, record, ChannelSunsets.NONE, NOW);
    }

    @Test
    void actionsFor_whenAStrongerRuleComesFirst_appliesOnlyTheFirstThatMatches() {
        List<ActionRequest> strong = actionsFor(new Signal.PurchaseLapse(Strength.STRONG, SINCE, "x"), UNKNOWN);
        List<ActionRequest> medium = actionsFor(new Signal.PurchaseLapse(Strength.MEDIUM, SINCE, "x"), UNKNOWN);

        assertThat(strong).extracting(ActionRequest::action).containsExactly(RetentionAction.SALE_PROMOTION);
        assertThat(medium).extracting(ActionRequest::action).containsExactly(RetentionAction.NEW_PRODUCTS_PROMOTION);
    }

    @Test
    void actionsFor_carriesTheSignalCampaignPlanPurposeTimeAndVersion() {
        Signal lapsed = new Signal.Lapsed(Strength.STRONG, SINCE, "no activity for 41 days; usual gap 6 days");

        ActionRequest request = actionsFor(lapsed, UNKNOWN).getFirst();

        assertThat(request).isEqualTo(new ActionRequest(
                ActionRequest.idempotencyKey("c-1", SignalType.LAPSED, SINCE, RetentionAction.LAPSED_CAMPAIGN, "lapsed"),
                "c-1", SignalType.LAPSED, SINCE, "no activity for 41 days; usual gap 6 days",
                RetentionAction.LAPSED_CAMPAIGN, "lapsed", List.of(EMAIL, PUSH, SMS, IN_APP), Purpose.MARKETING, NOW,
                TestPlaybooks.VERSION));
    }

    @Test
    void actionsFor_whenEmailWithdrawnAndClickedOnAnotherChannelRecently_renewsPermissionElsewhere() {
        EngagementRecord record = CustomerHistory.of("c-1")
                .emailStatus(EmailStatus.UNSUBSCRIBED, SINCE)
                .clicked(PUSH, NOW.minus(Duration.ofDays(12))).record();

        List<ActionRequest> requests = actionsFor(new Signal.EmailWithdrawn(EmailStatus.UNSUBSCRIBED, Strength.STRONG,
                SINCE, "unsubscribed"), record);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo(RetentionAction.PERMISSION_RENEWAL);
            assertThat(request.channelPlan()).containsExactly(IN_APP, PUSH, SMS);
        });
    }

    @Test
    void actionsFor_whenEmailWithdrawnAndOnlyEverClickedEmail_doesNothingOnPurpose() {
        EngagementRecord record = CustomerHistory.of("c-1")
                .clicked(EMAIL, NOW.minus(Duration.ofDays(5)))
                .clicked(PUSH, NOW.minus(Duration.ofDays(31)))
                .emailStatus(EmailStatus.COMPLAINED, SINCE).record();

        List<ActionRequest> requests = actionsFor(new Signal.EmailWithdrawn(EmailStatus.COMPLAINED, Strength.STRONG,
                SINCE, "complained"), record);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo(RetentionAction.NONE);
            assertThat(request.channelPlan()).isEmpty();
        });
    }

    @Test
    void actionsFor_whenRetargeting_leavesOutTheIgnoredChannel() {
        List<ActionRequest> requests = actionsFor(new Signal.MessagesIgnored(PUSH, Strength.MEDIUM, SINCE, "x"), UNKNOWN);

        assertThat(requests.getFirst().channelPlan()).containsExactly(IN_APP, EMAIL, SMS);
    }

    @Test
    void actionsFor_leavesOutChannelsInSunsetOrClosedToMarketing() {
        EngagementRecord record = CustomerHistory.of("c-1")
                .consent(SMS, Purpose.MARKETING, false, SINCE)
                .pushPermission(false, SINCE)
                .record();
        ChannelSunsets sunsets = new ChannelSunsets(Map.of(EMAIL, new SunsetState.Sunset(SINCE, SINCE)));

        List<ActionRequest> requests = PLAYBOOK.actionsFor("c-1", new Signal.Lapsed(Strength.STRONG, SINCE, "x"),
                record, sunsets, NOW);

        assertThat(requests.getFirst().channelPlan()).containsExactly(IN_APP);
    }

    @Test
    void actionsFor_whenTheAppIsUninstalled_leavesOutInAppMessages() {
        EngagementRecord record = CustomerHistory.of("c-1").installed(SINCE.minus(Duration.ofDays(90)))
                .uninstalled(SINCE).record();

        List<ActionRequest> requests = actionsFor(new Signal.Lapsed(Strength.STRONG, SINCE, "x"), record);

        assertThat(requests.getFirst().channelPlan()).containsExactly(EMAIL, SMS);
    }

    @Test
    void actionsFor_whenEveryPlannedChannelIsClosed_requestsNoMessage() {
        EngagementRecord record = CustomerHistory.of("c-1").emailStatus(EmailStatus.UNSUBSCRIBED, SINCE)
                .pushPermission(false, SINCE).record();

        assertThat(actionsFor(new Signal.PurchaseLapse(Strength.WEAK, SINCE, "x"), record)).isEmpty();
    }

    @Test
    void actionsFor_whenThrottling_keepsEveryPlannedChannelEvenInSunset() {
        ChannelSunsets sunsets = new ChannelSunsets(Map.of(EMAIL, new SunsetState.Sunset(SINCE, SINCE)));

        List<ActionRequest> requests = PLAYBOOK.actionsFor("c-1", new Signal.IgnoresEveryChannel(Strength.STRONG,
                SINCE, "x"), UNKNOWN, sunsets, NOW);

        assertThat(requests.getFirst().action()).isEqualTo(RetentionAction.THROTTLE);
        assertThat(requests.getFirst().channelPlan()).containsExactly(EMAIL, PUSH, SMS);
    }

    @Test
    void actionsFor_whenTheAppIsUninstalled_emailsAndAddsToTheAdAudience() {
        List<ActionRequest> requests = actionsFor(new Signal.AppUninstalled(Strength.STRONG, SINCE, "x"), UNKNOWN);

        assertThat(requests).extracting(ActionRequest::action)
                .containsExactly(RetentionAction.WINBACK_EMAIL, RetentionAction.AD_AUDIENCE);
        assertThat(requests.get(1).channelPlan()).isEmpty();
    }

    @Test
    void actionsFor_whenTheSameTransitionIsEvaluatedAgainLater_requestsWithTheSameKeys() {
        Signal signal = new Signal.EmailWithdrawn(EmailStatus.UNSUBSCRIBED, Strength.STRONG, SINCE, "x");
        EngagementRecord record = CustomerHistory.of("c-1").clicked(SMS, NOW.minus(Duration.ofDays(1))).record();

        List<ActionRequest> first = actionsFor(signal, record);
        List<ActionRequest> again = PLAYBOOK.actionsFor("c-1", signal, record, ChannelSunsets.NONE,
                NOW.plus(Duration.ofHours(6)));

        assertThat(again).extracting(ActionRequest::idempotencyKey)
                .containsExactlyElementsOf(first.stream().map(ActionRequest::idempotencyKey).toList());
        assertThat(again.getFirst().requestedAt()).isNotEqualTo(first.getFirst().requestedAt());
    }

    @Test
    void idempotencyKey_changesWithEachPartAndNeverCollidesAcrossFieldBoundaries() {
        String key = ActionRequest.idempotencyKey("c-1", SignalType.LAPSED, SINCE, RetentionAction.LAPSED_CAMPAIGN, "a");

        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(List.of(
                ActionRequest.idempotencyKey("c-2", SignalType.LAPSED, SINCE, RetentionAction.LAPSED_CAMPAIGN, "a"),
                ActionRequest.idempotencyKey("c-1", SignalType.PURCHASE_LAPSE, SINCE, RetentionAction.LAPSED_CAMPAIGN, "a"),
                ActionRequest.idempotencyKey("c-1", SignalType.LAPSED, SINCE.plusMillis(1), RetentionAction.LAPSED_CAMPAIGN, "a"),
                ActionRequest.idempotencyKey("c-1", SignalType.LAPSED, SINCE, RetentionAction.SALE_PROMOTION, "a"),
                ActionRequest.idempotencyKey("c-1", SignalType.LAPSED, SINCE, RetentionAction.LAPSED_CAMPAIGN, "b")))
                .doesNotContain(key).doesNotHaveDuplicates();
        assertThat(ActionRequest.idempotencyKey("c-1", SignalType.LAPSED, SINCE, RetentionAction.LAPSED_CAMPAIGN, "a"))
                .isEqualTo(key);
        assertThat(ActionRequest.idempotencyKey("ab", SignalType.LAPSED, SINCE, RetentionAction.NONE, "c"))
                .isNotEqualTo(ActionRequest.idempotencyKey("a", SignalType.LAPSED, SINCE, RetentionAction.NONE, "bc"));
    }

    @Test
    void actionsFor_whenTheRecordIsAnotherCustomers_refuses() {
        assertThatThrownBy(() -> PLAYBOOK.actionsFor("c-2", new Signal.Lapsed(Strength.STRONG, SINCE, "x"), UNKNOWN,
                ChannelSunsets.NONE, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ruleFor_whenNoRuleOfTheSignalMatches_isEmpty() {
        List<PlaybookRule> rules = TestPlaybooks.rules();
        rules.set(6, TestPlaybooks.rule(SignalType.PUSH_OPT_OUT, TestPlaybooks.atLeast(Strength.STRONG),
                TestPlaybooks.marketing(RetentionAction.CROSS_CHANNEL_RETARGET, "switch", EMAIL)));
        Playbook strongOnly = new Playbook(TestPlaybooks.VERSION, rules);
        Signal weak = new Signal.PushOptOut(true, Strength.WEAK, SINCE, "x");

        assertThat(strongOnly.ruleFor(weak, UNKNOWN, NOW)).isEmpty();
        assertThat(strongOnly.actionsFor("c-1", weak, UNKNOWN, ChannelSunsets.NONE, NOW)).isEmpty();
    }

    @Test
    void engagedElsewhere_countsFromExactlyTheConfiguredNumberOfDays() {
        Signal signal = new Signal.EmailWithdrawn(EmailStatus.UNSUBSCRIBED, Strength.STRONG, SINCE, "x");
        EngagementRecord onTheEdge = CustomerHistory.of("c-1").clicked(Channel.SMS, NOW.minus(Duration.ofDays(30))).record();
        EngagementRecord justOutside = CustomerHistory.of("c-1")
                .clicked(Channel.SMS, NOW.minus(Duration.ofDays(30)).minusSeconds(1)).record();

        assertThat(actionsFor(signal, onTheEdge).getFirst().action()).isEqualTo(RetentionAction.PERMISSION_RENEWAL);
        assertThat(actionsFor(signal, justOutside).getFirst().action()).isEqualTo(RetentionAction.NONE);
    }
}
