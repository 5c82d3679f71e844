package dev.winback.core.campaign;

import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.evaluation.RunBudget;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.observe.Warnings;
import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentMembers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduled sender: hands the members of every active campaign to delivery, a page at a time,
 * at the campaign's rate. After each page the cursor and count are stored by a conditional write on
 * the campaign's version; a run that loses that race (a cancellation, another run) stops there. A
 * crash between handing a page over and storing the cursor hands the page over again next run, and
 * the ledger's message key (campaign, customer) sends each member once. Bounded: a run asks its
 * budget before each page, and what is left waits for the next run.
 */
public final class SendCampaigns {

    /** The schedule's period: a run hands over at most this long's worth of a campaign's rate. */
    public static final Duration PERIOD = Duration.ofMinutes(1);
    /** Members read and handed over at a time. */
    static final int PAGE = 500;

    private final CampaignStore store;
    private final SegmentMembers members;
    private final MessageRequests delivery;
    private final DeliveryPolicies policies;
    private final Warnings warnings;

    public SendCampaigns(CampaignStore store, SegmentMembers members, MessageRequests delivery,
                         DeliveryPolicies policies, Warnings warnings) {
        this.store = store;
        this.members = members;
        this.delivery = delivery;
        this.policies = policies;
        this.warnings = warnings;
    }

    /** What one run did: campaigns looked at, members handed to delivery, and campaigns finished. */
    public record Report(int campaigns, long handedOver, int pages, int finished, int conflicts, int failed) {
    }

    public Report run(Instant now, RunBudget budget) {
        Tally tally = new Tally();
        for (String campaignId : store.active()) {
            tally.campaigns++;
            try {
                store.find(campaignId).ifPresent(state -> send(state, now, budget, tally));
            } catch (RuntimeException e) {
                tally.failed++;
                warnings.warn("sending campaign " + campaignId + " failed; the next run resumes from its cursor", e);
            }
        }
        return new Report(tally.campaigns, tally.handedOver, tally.pages, tally.finished, tally.conflicts, tally.failed);
    }

    private void send(CampaignState start, Instant now, RunBudget budget, Tally tally) {
        CampaignState state = start;
        if (!state.status().active() || now.isBefore(state.campaign().schedule().begins(state.createdAt()))) return;
        Campaign campaign = state.campaign();
        long allowance = allowance(state, now);
        while (allowance > 0 && budget.allowsAnotherChunk()) {
            int limit = (int) Math.min(PAGE, allowance);
            MemberPage page = members.page(campaign.segmentId(), state.cursor(), limit);
            List<DeliveryRequest> requests = page.customerIds().stream()
                    .map(customerId -> CampaignMessages.run(campaign, customerId, now, policies.delivery()))
                    .toList();
            Set<MessageKey> accepted = requests.isEmpty() ? Set.of() : delivery.publish(requests);
            if (!accepted.containsAll(requests.stream().map(DeliveryRequest::key).toList())) {
                tally.failed++;
                warnings.warn("delivery did not take a page of campaign " + state.id() + "; the next run hands it over again");
                return;
            }
            Optional<CampaignState> saved = store.save(state.handedOver(requests.size(), page.next(), now));
            if (saved.isEmpty()) {
                tally.conflicts++; // cancelled, or another run moved on: its cursor is the truth
                return;
            }
            state = saved.get();
            tally.pages++;
            tally.handedOver += requests.size();
            allowance -= requests.size();
            if (state.status() == CampaignStatus.DONE) {
                tally.finished++;
                return;
            }
        }
    }

    /**
     * Before a snapshot of the function: a run's reads without its writes or hand-overs. The active
     * campaigns, then a campaign and a segment's first page of members under {@code unknownId}, an id
     * no campaign or segment has. Nothing is saved or handed to delivery.
     */
    public void prime(String unknownId) {
        store.active();
        store.find(unknownId);
        members.page(unknownId, Optional.empty(), PAGE);
        policies.delivery();
    }

    /**
     * How many members this run may hand over: the rate over the time since sending began plus one
     * period ahead, less what was handed over, and never more than one period's worth, so missed
     * runs do not add up to a burst.
     */
    static long allowance(CampaignState state, Instant now) {
        long rate = state.campaign().ratePerSecond();
        long perPeriod = rate * PERIOD.toSeconds();
        long elapsed = state.sendingSince().map(since -> Math.max(0, Duration.between(since, now).toSeconds())).orElse(0L);
        return Math.min(perPeriod, rate * elapsed + perPeriod - state.handedOver());
    }

    private static final class Tally {
        int campaigns;
        long handedOver;
        int pages;
        int finished;
        int conflicts;
        int failed;
    }
}
