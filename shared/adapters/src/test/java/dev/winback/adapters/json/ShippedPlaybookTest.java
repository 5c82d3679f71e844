package dev.winback.adapters.json;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.playbook.PlaybookRule;
import dev.winback.core.playbook.PlannedAction;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.signal.Signal;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.record.ChannelSunsets;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playbook shipped in the artifact loads (so a broken one fails the build) and encodes the
 * product brief's responses to each signal.
 */
class ShippedPlaybookTest {

    /** Loaded in each test, so a broken playbook fails with its own message rather than an initializer error. */
    private final Playbook shipped = new PlaybookLoader().shipped();
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofDays(2));
    private static final EngagementRecord QUIET = EngagementRecord.empty("c-1");
    /** Clicked an SMS last week: likely to engage outside email and push. */
    private static final EngagementRecord ANSWERS_SMS = RecordUpdate.apply(QUIET, List.of(new EngagementEvent("e-1",
            "c-1", NOW.minus(Duration.ofDays(7)), Optional.empty(),
            new EventPayload.MessageFeedback(MessageFeedbackKind.CLICKED, "m-1", Channel.SMS))), Map.of()).record();

    private List<RetentionAction> actions(Signal signal, EngagementRecord record) {
        return shipped.actionsFor("c-1", signal, record, ChannelSunsets.NONE, NOW).stream()
                .map(ActionRequest::action).toList();
    }

    private List<PlannedAction> plannedFor(SignalType type) {
        return shipped.rules().stream().filter(rule -> rule.signal() == type)
                .flatMap(rule -> rule.actions().stream()).toList();
    }

    @Test
    void shipped_isVersionedAndCoversEverySignal() {
        assertThat(shipped.version().toString()).matches("\\d{4}-\\d{2}-\\d+");
        assertThat(shipped.rules().stream().map(PlaybookRule::signal).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(SignalType.values());
    }

    @Test
    void ignoresEveryChannel_throttles() {
        assertThat(actions(new Signal.IgnoresEveryChannel(Strength.STRONG, SINCE, "x"), QUIET))
                .containsExactly(RetentionAction.THROTTLE);
    }

    @Test
    void messagesIgnored_retargetsOnAnotherChannel() {
        List<ActionRequest> requests = shipped.actionsFor("c-1", new Signal.MessagesIgnored(Channel.PUSH,
                Strength.MEDIUM, SINCE, "x"), QUIET, ChannelSunsets.NONE, NOW);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo(RetentionAction.CROSS_CHANNEL_RETARGET);
            assertThat(request.channelPlan()).isNotEmpty().doesNotContain(Channel.PUSH);
        });
    }

    @Test
    void platformMigration_atMostCrossPromotes() {
        assertThat(plannedFor(SignalType.PLATFORM_MIGRATION)).extracting(PlannedAction::action)
                .isSubsetOf(RetentionAction.CROSS_PROMOTION_EMAIL, RetentionAction.NONE);
        assertThat(actions(new Signal.PlatformMigration(Platform.STORE,
                Platform.WEB, Strength.WEAK, SINCE, "x"), QUIET))
                .containsExactly(RetentionAction.NONE);
    }

    @Test
    void purchaseLapse_promotesNewProductsOrATimelySale() {
        assertThat(actions(new Signal.PurchaseLapse(Strength.MEDIUM, SINCE, "x"), QUIET))
                .containsExactly(RetentionAction.NEW_PRODUCTS_PROMOTION);
        assertThat(actions(new Signal.PurchaseLapse(Strength.STRONG, SINCE, "x"), QUIET))
                .containsExactly(RetentionAction.SALE_PROMOTION);
    }

    @Test
    void lapsed_runsTheLapsedCampaign() {
        assertThat(actions(new Signal.Lapsed(Strength.STRONG, SINCE, "x"), QUIET))
                .containsExactly(RetentionAction.LAPSED_CAMPAIGN);
    }

    @Test
    void emailWithdrawn_neverEmailsMarketingAndRenewsOnlyWhereLikelyToEngage() {
        Signal withdrawn = new Signal.EmailWithdrawn(EmailStatus.UNSUBSCRIBED, Strength.STRONG, SINCE, "x");

        assertThat(plannedFor(SignalType.EMAIL_WITHDRAWN))
                .filteredOn(planned -> planned.purpose() == Purpose.MARKETING)
                .allSatisfy(planned -> assertThat(planned.channels()).doesNotContain(Channel.EMAIL));
        assertThat(actions(withdrawn, QUIET)).containsExactly(RetentionAction.NONE);
        assertThat(actions(withdrawn, ANSWERS_SMS)).containsExactly(RetentionAction.PERMISSION_RENEWAL);
    }

    @Test
    void pushOptOut_dependsOnWhenItHappenedAndWhetherTheyStillAnswer() {
        assertThat(actions(new Signal.PushOptOut(true, Strength.WEAK, SINCE, "x"), ANSWERS_SMS))
                .containsExactly(RetentionAction.IN_APP_NUDGE);
        assertThat(actions(new Signal.PushOptOut(false, Strength.STRONG, SINCE, "x"), QUIET))
                .containsExactly(RetentionAction.CROSS_CHANNEL_RETARGET);
        assertThat(actions(new Signal.PushOptOut(false, Strength.STRONG, SINCE, "x"), ANSWERS_SMS))
                .containsExactly(RetentionAction.CROSS_CHANNEL_RETARGET, RetentionAction.PERMISSION_RENEWAL);
    }

    @Test
    void membershipCancelled_highlightsWhatIsNew() {
        assertThat(actions(new Signal.MembershipCancelled("gold", Strength.MEDIUM, SINCE, "x"), QUIET))
                .containsExactly(RetentionAction.FEATURE_HIGHLIGHTS);
    }

    @Test
    void appUninstalled_emailsToComeBackAndJoinsTheAdAudience() {
        assertThat(actions(new Signal.AppUninstalled(Strength.STRONG, SINCE, "x"), QUIET))
                .containsExactly(RetentionAction.WINBACK_EMAIL, RetentionAction.AD_AUDIENCE);
        assertThat(plannedFor(SignalType.APP_UNINSTALLED)).flatExtracting(PlannedAction::channels)
                .doesNotContainAnyElementsOf(Set.of(Channel.PUSH, Channel.IN_APP));
    }
}
