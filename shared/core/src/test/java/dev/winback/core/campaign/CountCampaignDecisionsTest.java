package dev.winback.core.campaign;

import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.event.Channel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.winback.core.campaign.CampaignsFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class CountCampaignDecisionsTest {

    final Map<String, Map<String, Long>> counted = new TreeMap<>();
    final List<DecisionPublisher.Stored> published = new ArrayList<>();
    final CampaignCounters counters = new CampaignCounters() {
        @Override
        public void add(String campaignId, Map<String, Long> increments) {
            increments.forEach((k, v) -> counted.computeIfAbsent(campaignId, c -> new TreeMap<>()).merge(k, v, Long::sum));
        }

        @Override
        public Map<String, Long> read(String campaignId) {
            return counted.getOrDefault(campaignId, Map.of());
        }
    };
    final DecisionPublisher next = new DecisionPublisher() {
        @Override
        public void publish(LedgerEntry entry, List<MessageDecision> decisions) {
            published.add(new Stored(entry, decisions));
        }
    };

    @Test
    void countsTheRunsDecisionsByKindAndReasonAndHandsEveryDecisionOn() {
        Campaign campaign = CampaignsFixture.campaign("winter", 10, new CampaignSchedule.AtOnce());
        DeliveryRequest run = CampaignMessages.run(campaign, "c-1", NOW, DeliveryPolicy.defaults());
        DeliveryRequest test = CampaignMessages.test(campaign, "c-test-1", "t1", NOW, DeliveryPolicy.defaults());
        DeliveryRequest other = run.withVariables(Map.of());
        MessageDecision skipped = MessageDecision.on(NOW, MessageDecision.Kind.SKIPPED, Channel.PUSH,
                MessageDecision.Reason.NO_CONSENT, "push");
        MessageDecision sent = MessageDecision.on(NOW, MessageDecision.Kind.SENT, Channel.EMAIL,
                MessageDecision.Reason.ACCEPTED, "m");
        CountCampaignDecisions counting = new CountCampaignDecisions(counters, next, (m, e) -> { });

        counting.publishAll(List.of(new DecisionPublisher.Stored(LedgerEntry.open(run, NOW), List.of(skipped, sent)),
                new DecisionPublisher.Stored(LedgerEntry.open(test, NOW), List.of(sent))));
        counting.publish(LedgerEntry.open(other, NOW), List.of(sent));

        assertThat(counted).containsOnlyKeys("winter");
        assertThat(counted.get("winter")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "skipped:no_consent", 1L, "sent:accepted", 2L));
        assertThat(published).hasSize(3);
    }

    @Test
    void aFailedCountNeverStopsThePublication() {
        Campaign campaign = CampaignsFixture.campaign("winter", 10, new CampaignSchedule.AtOnce());
        DeliveryRequest run = CampaignMessages.run(campaign, "c-1", NOW, DeliveryPolicy.defaults());
        List<String> warnings = new ArrayList<>();
        CampaignCounters failing = new CampaignCounters() {
            @Override
            public void add(String campaignId, Map<String, Long> increments) {
                throw new IllegalStateException("table unavailable");
            }

            @Override
            public Map<String, Long> read(String campaignId) {
                return Map.of();
            }
        };

        new CountCampaignDecisions(failing, next, (m, e) -> warnings.add(m)).publish(LedgerEntry.open(run, NOW),
                List.of(MessageDecision.overall(NOW, MessageDecision.Kind.HELD, MessageDecision.Reason.SCHEDULED, "x")));

        assertThat(published).hasSize(1);
        assertThat(warnings).singleElement().asString().contains("winter");
    }
}
