package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.observe.RecordedMetrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CountedDecisionsTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final RecordedMetrics metrics = new RecordedMetrics();
    private final List<MessageDecision> published = new ArrayList<>();
    private final CountedDecisions decisions = new CountedDecisions((entry, list) -> published.addAll(list), metrics);

    @Test
    void publish_countsEachDecisionByChannelAndKind_withFallbacksUnknownsAndHoldouts() {
        List<MessageDecision> batch = List.of(
                MessageDecision.on(AT, MessageDecision.Kind.SKIPPED, Channel.EMAIL, MessageDecision.Reason.NO_CONSENT, ""),
                MessageDecision.on(AT, MessageDecision.Kind.SENT, Channel.SMS, MessageDecision.Reason.ACCEPTED, ""),
                MessageDecision.on(AT, MessageDecision.Kind.FELL_BACK, Channel.SMS, MessageDecision.Reason.NO_RECEIPT_BY_DEADLINE, ""),
                MessageDecision.on(AT, MessageDecision.Kind.UNKNOWN, Channel.PUSH, MessageDecision.Reason.NO_PROVIDER_ANSWER, ""),
                MessageDecision.overall(AT, MessageDecision.Kind.STOPPED, MessageDecision.Reason.HELD_OUT, ""));

        decisions.publish(null, batch);

        assertThat(published).isEqualTo(batch);
        assertThat(metrics.totals()).isEqualTo(Map.of(
                "Messages[email, skipped]", 1L, "Messages[sms, sent]", 1L, "Messages[sms, fell_back]", 1L,
                "Messages[push, unknown]", 1L, "Messages[none, stopped]", 1L,
                "Fallbacks", 1L, "Unknowns", 1L, "Holdouts", 1L));
    }

    @Test
    void publishAll_countsEveryEntrysDecisions_andHandsThemOverInOneCall() {
        List<List<DecisionPublisher.Stored>> calls = new ArrayList<>();
        DecisionPublisher packing = new DecisionPublisher() {
            @Override
            public void publish(LedgerEntry entry, List<MessageDecision> list) {
                throw new AssertionError("a batch is handed over whole");
            }

            @Override
            public void publishAll(List<Stored> stored) {
                calls.add(stored);
            }
        };
        MessageDecision sent = MessageDecision.on(AT, MessageDecision.Kind.SENT, Channel.EMAIL, MessageDecision.Reason.ACCEPTED, "");

        new CountedDecisions(packing, metrics).publishAll(List.of(
                new DecisionPublisher.Stored(null, List.of(sent)), new DecisionPublisher.Stored(null, List.of(sent))));

        assertThat(calls).hasSize(1);
        assertThat(metrics.totals()).isEqualTo(Map.of("Messages[email, sent]", 2L));
    }
}
