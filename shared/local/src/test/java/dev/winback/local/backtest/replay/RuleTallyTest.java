package dev.winback.local.backtest.replay;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.winback.local.backtest.replay.Messages.heldOut;
import static dev.winback.local.backtest.replay.Messages.journeySent;
import static dev.winback.local.backtest.replay.Messages.notSent;
import static dev.winback.local.backtest.replay.Messages.sent;
import static org.assertj.core.api.Assertions.assertThat;

class RuleTallyTest {

    static final Instant T1 = Instant.parse("2000-03-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2000-04-01T00:00:00Z");

    static ActionRequest request(String customerId, SignalType signal, Instant since, RetentionAction action,
                                 String campaign) {
        return new ActionRequest(ActionRequest.idempotencyKey(customerId, signal, since, action, campaign), customerId,
                signal, since, "quiet", action, campaign, List.of(Channel.EMAIL), Purpose.MARKETING, since.plusSeconds(60),
                new PlaybookVersion(2026, 11, 1));
    }

    @Test
    void countsEachRequestOnce_eachTransitionOnce_andMessagesByOutcome() {
        ActionRequest c1First = request("c1", SignalType.LAPSED, T1, RetentionAction.LAPSED_CAMPAIGN, "lapsed-any-channel");
        List<ActionRequest> published = List.of(
                c1First,
                c1First, // published again after a failed attempt
                request("c2", SignalType.LAPSED, T1, RetentionAction.LAPSED_CAMPAIGN, "lapsed-any-channel"),
                request("c1", SignalType.LAPSED, T2, RetentionAction.LAPSED_CAMPAIGN, "lapsed-any-channel"),
                request("c1", SignalType.PURCHASE_LAPSE, T1, RetentionAction.SALE_PROMOTION, "lapse-timely-sale"));
        List<DecidedMessage> messages = List.of(
                sent("c1", "lapsed-any-channel", "2000-03-02T10:00:00Z"),
                heldOut("c1", "lapsed-any-channel", "2000-04-02T10:00:00Z"),
                notSent("c2", "lapsed-any-channel", "no_consent"),
                new DecidedMessage("c3", "lapsed-any-channel", true, Purpose.MARKETING,
                        DecidedMessage.Outcome.PENDING, java.util.Optional.empty(), "held"),
                journeySent("c3", "next-order-incentive", "2000-03-05T10:00:00Z"));

        RuleTally tally = RuleTally.of(published, messages);

        assertThat(tally.rows()).extracting(RuleTally.Row::unit)
                .containsExactly("lapse-timely-sale", "lapsed-any-channel", "next-order-incentive");
        RuleTally.Row lapsed = tally.rows().get(1);
        assertThat(lapsed.rule()).isTrue();
        assertThat(lapsed.signals()).containsExactly("lapsed");
        assertThat(lapsed.actions()).containsExactly("lapsed_campaign");
        assertThat(lapsed.signalTransitions()).isEqualTo(3);
        assertThat(lapsed.actionsRequested()).isEqualTo(3);
        assertThat(lapsed.sent()).isEqualTo(1);
        assertThat(lapsed.heldOut()).isEqualTo(1);
        assertThat(lapsed.notSent()).isEqualTo(1);
        assertThat(lapsed.notSentByReason()).containsExactly(Map.entry("no_consent", 1L));
        assertThat(lapsed.pending()).isEqualTo(1);
        assertThat(lapsed.customersReached()).isEqualTo(1);

        RuleTally.Row sale = tally.rows().getFirst();
        assertThat(sale.actionsRequested()).isEqualTo(1);
        assertThat(sale.sent()).isZero();

        RuleTally.Row journey = tally.rows().get(2);
        assertThat(journey.rule()).isFalse();
        assertThat(journey.actionsRequested()).isZero();
        assertThat(journey.sent()).isEqualTo(1);
        assertThat(journey.customersReached()).isEqualTo(1);

        assertThat(tally.signalsByType()).containsExactly(Map.entry("lapsed", 3L), Map.entry("purchase_lapse", 1L));
        assertThat(tally.signals()).isEqualTo(4);
        assertThat(tally.actions()).isEqualTo(4);
        assertThat(tally.sent()).isEqualTo(2);
        assertThat(tally.heldOut()).isEqualTo(1);
    }
}
