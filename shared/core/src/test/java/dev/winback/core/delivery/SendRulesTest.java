package dev.winback.core.delivery;

import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.delivery.SendRules.ChannelVerdict;
import dev.winback.core.delivery.SendRules.MessageVerdict;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.record.RiskState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.record.ChannelSunsets;
import dev.winback.core.record.SunsetState;
import dev.winback.core.event.MessageCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each send-time rule names its own reason, and transactional messages bypass only marketing rules. */
class SendRulesTest {

    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z"); // 16:00 in Madrid

    final InMemoryEngagementStore store = new InMemoryEngagementStore();
    final Customers customers = new Customers(store);

    EngagementRecord record() {
        return store.get("c-1").record();
    }

    static DeliveryRequest request(Purpose purpose) {
        MessageCategory category = purpose == Purpose.TRANSACTIONAL ? MessageCategory.ORDER_UPDATES
                : MessageCategory.PROMOTIONS;
        return new DeliveryRequest("c-1", "camp", "camp", "s", purpose, category, List.of(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(2)), Duration.ofHours(4), Map.of());
    }

    Reason skipped(Channel channel, Purpose purpose) {
        ChannelVerdict verdict = SendRules.channel(channel, request(purpose), record(), DeliveryPolicy.defaults(), NOW);
        return verdict instanceof ChannelVerdict.Skip skip ? skip.reason() : null;
    }

    @Test
    void eachChannelBlockNamesItsReason() {
        customers.apply("c-1", NOW.minusSeconds(100), new EventPayload.ProfileUpdated(Optional.of("a@example.com"),
                Optional.empty(), Optional.of("Europe/Madrid"), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(skipped(Channel.SMS, Purpose.TRANSACTIONAL)).isEqualTo(Reason.NO_ADDRESS);
        assertThat(skipped(Channel.EMAIL, Purpose.MARKETING)).isEqualTo(Reason.NO_CONSENT);
        assertThat(skipped(Channel.EMAIL, Purpose.TRANSACTIONAL)).isNull();
        assertThat(skipped(Channel.WEBHOOK, Purpose.TRANSACTIONAL)).isEqualTo(Reason.NO_ADDRESS);

        customers.apply("c-1", NOW.minusSeconds(90), new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED));
        assertThat(skipped(Channel.EMAIL, Purpose.MARKETING)).isNull();
        customers.apply("c-1", NOW.minusSeconds(80), new EventPayload.EmailSubscriptionChanged(EmailStatus.UNSUBSCRIBED));
        assertThat(skipped(Channel.EMAIL, Purpose.MARKETING)).isEqualTo(Reason.UNSUBSCRIBED);
        assertThat(skipped(Channel.EMAIL, Purpose.TRANSACTIONAL)).isNull();
        customers.apply("c-1", NOW.minusSeconds(70), new EventPayload.EmailSubscriptionChanged(EmailStatus.COMPLAINED));
        assertThat(skipped(Channel.EMAIL, Purpose.TRANSACTIONAL)).isEqualTo(Reason.COMPLAINED);

        customers.apply("c-1", NOW.minusSeconds(60), new EventPayload.AppUninstalled());
        customers.apply("c-1", NOW.minusSeconds(60), new EventPayload.PushPermissionChanged(true));
        assertThat(skipped(Channel.PUSH, Purpose.TRANSACTIONAL)).isEqualTo(Reason.ENDPOINT_DISABLED);
        assertThat(skipped(Channel.IN_APP, Purpose.TRANSACTIONAL)).isEqualTo(Reason.APP_NOT_INSTALLED);
        customers.apply("c-1", NOW.minusSeconds(50), new EventPayload.ConsentChanged(Channel.IN_APP,
                Purpose.TRANSACTIONAL, false, "settings", "v1"));
        assertThat(skipped(Channel.IN_APP, Purpose.TRANSACTIONAL)).isEqualTo(Reason.CONSENT_WITHDRAWN);
    }

    @Test
    void preferencesMuteCategoriesAndChannelsPauseAndLimit() {
        customers.reachable("c-1", NOW.minusSeconds(100), "Europe/Madrid");
        customers.apply("c-1", NOW.minusSeconds(90), new EventPayload.PreferencesChanged(Optional.empty(),
                Optional.of(Set.of(Channel.EMAIL)), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(skipped(Channel.EMAIL, Purpose.MARKETING)).isEqualTo(Reason.CHANNEL_MUTED);
        assertThat(skipped(Channel.EMAIL, Purpose.TRANSACTIONAL)).isNull();

        customers.apply("c-1", NOW.minusSeconds(80), new EventPayload.PreferencesChanged(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(NOW.plus(Duration.ofDays(1)))));
        assertThat(SendRules.message(request(Purpose.MARKETING), record(), DeliveryPolicy.defaults(), NOW, false))
                .isEqualTo(new MessageVerdict.Wait(NOW.plus(Duration.ofDays(1)), Reason.PAUSED,
                        "paused until " + NOW.plus(Duration.ofDays(1))));
        assertThat(SendRules.message(request(Purpose.TRANSACTIONAL), record(), DeliveryPolicy.defaults(), NOW, false))
                .isInstanceOf(MessageVerdict.Go.class);

        customers.apply("c-1", NOW.minusSeconds(70), new EventPayload.PreferencesChanged(Optional.of(Set.of(MessageCategory.PROMOTIONS)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(NOW.minus(Duration.ofDays(1)))));
        assertThat(SendRules.message(request(Purpose.MARKETING), record(), DeliveryPolicy.defaults(), NOW, false))
                .extracting(v -> ((MessageVerdict.Stop) v).reason()).isEqualTo(Reason.CATEGORY_MUTED);
    }

    @Test
    void transactionalMessages_areStoppedOnlyByMutingOrderUpdates() {
        customers.reachable("c-1", NOW.minusSeconds(100), "Europe/Madrid");
        Set<MessageCategory> allButOrders = EnumSet.complementOf(EnumSet.of(MessageCategory.ORDER_UPDATES));
        customers.apply("c-1", NOW.minusSeconds(90), new EventPayload.PreferencesChanged(Optional.of(allButOrders),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(SendRules.message(request(Purpose.TRANSACTIONAL), record(), DeliveryPolicy.defaults(), NOW, false))
                .isInstanceOf(MessageVerdict.Go.class);
        assertThat(skipped(Channel.EMAIL, Purpose.TRANSACTIONAL)).isNull();
        assertThat(SendRules.message(request(Purpose.MARKETING), record(), DeliveryPolicy.defaults(), NOW, false))
                .extracting(v -> ((MessageVerdict.Stop) v).reason()).isEqualTo(Reason.CATEGORY_MUTED);

        customers.apply("c-1", NOW.minusSeconds(80), new EventPayload.PreferencesChanged(
                Optional.of(Set.of(MessageCategory.ORDER_UPDATES)), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(skipped(Channel.EMAIL, Purpose.TRANSACTIONAL)).isEqualTo(Reason.CATEGORY_MUTED);
        assertThat(SendRules.message(request(Purpose.MARKETING), record(), DeliveryPolicy.defaults(), NOW, false))
                .isInstanceOf(MessageVerdict.Go.class);
    }

    @Test
    void aPersonalWeeklyLimitAndReducedFrequencyTightenTheGlobalCaps() {
        customers.reachable("c-1", NOW.minus(Duration.ofDays(10)), "Europe/Madrid");
        customers.apply("c-1", NOW.minus(Duration.ofDays(3)), new EventPayload.MessageSent("m-1", Channel.EMAIL,
                Optional.of(Purpose.MARKETING)));
        // Transactional sends never count toward a cap.
        customers.apply("c-1", NOW.minus(Duration.ofDays(2)), new EventPayload.MessageSent("m-2", Channel.EMAIL,
                Optional.of(Purpose.TRANSACTIONAL)));
        DeliveryRequest marketing = request(Purpose.MARKETING);
        assertThat(SendRules.message(marketing, record(), DeliveryPolicy.defaults(), NOW, false))
                .isInstanceOf(MessageVerdict.Go.class);

        customers.apply("c-1", NOW.minus(Duration.ofDays(1)), new EventPayload.PreferencesChanged(Optional.empty(),
                Optional.empty(), Optional.of(1), Optional.empty(), Optional.empty()));
        // One in 7 days: the first send frees the window in 4 days, after this message expires (2 days).
        assertThat(SendRules.message(marketing, record(), DeliveryPolicy.defaults(), NOW, false))
                .isEqualTo(new MessageVerdict.Stop(Reason.GLOBAL_CAP,
                        "cap frees at " + NOW.plus(Duration.ofDays(4)) + ", after the message expires"));

        customers.apply("c-1", NOW.minus(Duration.ofHours(20)), new EventPayload.PreferencesChanged(Optional.empty(),
                Optional.empty(), Optional.of(0), Optional.empty(), Optional.empty()));
        EngagementRecord ignoring = record().withEvaluation(new Evaluation.Evaluated(RiskState.ACTIVE, NOW, 0.2,
                List.of(new EvaluatedSignal(SignalType.IGNORES_EVERY_CHANNEL, "", Strength.MEDIUM, NOW, List.of())),
                ChannelSunsets.NONE, NOW, Optional.empty()));
        MessageVerdict reduced = SendRules.message(marketing, ignoring, DeliveryPolicy.defaults(), NOW, false);
        // One in 14 days for them: the window frees after this message expires.
        assertThat(reduced).isInstanceOf(MessageVerdict.Stop.class)
                .extracting(v -> ((MessageVerdict.Stop) v).reason()).isEqualTo(Reason.REDUCED_FREQUENCY);
        assertThat(SendRules.message(marketing, record(), DeliveryPolicy.defaults(), NOW, false))
                .isInstanceOf(MessageVerdict.Go.class);
    }

    @Test
    void aSunsetStopsMarketingOnlyOnItsChannel() {
        customers.reachable("c-1", NOW.minus(Duration.ofDays(10)), "Europe/Madrid");
        EngagementRecord sunset = record().withEvaluation(new Evaluation.Evaluated(RiskState.LAPSED, NOW, 0.9, List.of(),
                new ChannelSunsets(Map.of(Channel.EMAIL, new SunsetState.Sunset(NOW.minus(Duration.ofDays(30)), NOW))),
                NOW, Optional.empty()));
        DeliveryPolicy policy = DeliveryPolicy.defaults();

        assertThat(SendRules.channel(Channel.EMAIL, request(Purpose.MARKETING), sunset, policy, NOW))
                .isEqualTo(new ChannelVerdict.Skip(Reason.SUNSET, "email"));
        assertThat(SendRules.channel(Channel.EMAIL, request(Purpose.TRANSACTIONAL), sunset, policy, NOW))
                .isInstanceOf(ChannelVerdict.Allowed.class);
        assertThat(SendRules.channel(Channel.SMS, request(Purpose.MARKETING), sunset, policy, NOW))
                .isInstanceOf(ChannelVerdict.Allowed.class);
    }
}
