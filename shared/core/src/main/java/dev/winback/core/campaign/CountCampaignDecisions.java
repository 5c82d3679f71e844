package dev.winback.core.campaign;

import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.observe.Warnings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts the decisions on a campaign's messages into its counters as they are published (delivery
 * publishes a decision once, after it is stored on the message), then hands them on. One counter
 * write per campaign per publication (a queue batch's decisions are one). A failed count is reported
 * and never stops the publication: the ledger remains the record of every message.
 */
public final class CountCampaignDecisions implements DecisionPublisher {

    private final CampaignCounters counters;
    private final DecisionPublisher next;
    private final Warnings warnings;

    public CountCampaignDecisions(CampaignCounters counters, DecisionPublisher next, Warnings warnings) {
        this.counters = counters;
        this.next = next;
        this.warnings = warnings;
    }

    /** The counter a decision adds to: its kind and reason, such as {@code skipped:no_consent}. */
    public static String counterOf(MessageDecision decision) {
        return decision.kind().name().toLowerCase(Locale.ROOT) + ":" + decision.reason().wireName();
    }

    @Override
    public void publish(LedgerEntry entry, List<MessageDecision> decisions) {
        count(List.of(new Stored(entry, decisions)));
        next.publish(entry, decisions);
    }

    @Override
    public void publishAll(List<Stored> stored) {
        count(stored);
        next.publishAll(stored);
    }

    private void count(List<Stored> stored) {
        Map<String, Map<String, Long>> byCampaign = new TreeMap<>();
        for (Stored one : stored) {
            Optional<String> campaign = CampaignMessages.runOf(one.entry().request());
            if (campaign.isEmpty()) continue;
            Map<String, Long> counts = byCampaign.computeIfAbsent(campaign.get(), c -> new TreeMap<>());
            for (MessageDecision decision : one.decisions()) counts.merge(counterOf(decision), 1L, Long::sum);
        }
        byCampaign.forEach((campaign, counts) -> {
            if (counts.isEmpty()) return;
            try {
                counters.add(campaign, counts);
            } catch (RuntimeException e) {
                warnings.warn("counting decisions of campaign " + campaign + " failed; its counts fall short", e);
            }
        });
    }
}
