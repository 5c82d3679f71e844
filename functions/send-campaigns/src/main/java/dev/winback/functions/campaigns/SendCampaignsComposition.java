package dev.winback.functions.campaigns;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.Campaigns;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.EvaluatorConfig;
import dev.winback.adapters.config.Policies;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.sqs.SqsMessageRequests;
import dev.winback.core.campaign.SendCampaigns;
import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.evaluation.RunBudget;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.segment.SegmentMembers;
import dev.winback.core.settings.CurrentPolicies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What the campaign sender needs: the run over the campaigns, the segments' members, the delivery queue, its clock. */
public final class SendCampaignsComposition {

    /** A run starts no page in the last fifth of its invocation: a page (500 members) takes a second or two. */
    static final int RESERVE_FRACTION = 5;

    private final SendCampaigns send;
    private final Clock clock;

    /** For the local runtime and tests, which bring the table, the members, the queue and the policies. */
    public SendCampaignsComposition(EngagementTable table, SegmentMembers members, MessageRequests delivery,
                                    DeliveryPolicies policies, Clock clock) {
        this.send = new Campaigns(table, delivery, policies, clock).sender(members);
        this.clock = clock;
    }

    /** As deployed: messages to the delivery queue, the settings running, the system clock. */
    public static SendCampaignsComposition fromEnvironment() {
        EvaluatorConfig config = EvaluatorConfig.fromEnvironment(System.getenv());
        AwsClients clients = new AwsClients();
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(config.winback(), clients, clock, ElapsedTime.SYSTEM);
        CurrentPolicies policies = new Policies(table).current();
        SendCampaignsComposition composition = new SendCampaignsComposition(table, table.segmentMembers(),
                new SqsMessageRequests(clients.sqs(), config.deliveryQueueUrl()),
                policies, clock);
        SnapStartPriming.register("send-campaigns", composition::prime);
        return composition;
    }

    /**
     * Before a SnapStart snapshot: a run's reads (the active campaigns, a campaign and a segment's
     * members under an id no one has); nothing saved or handed to delivery.
     */
    public void prime() {
        send.prime(EngagementTable.PRIMING_CUSTOMER);
    }

    public static RunBudget budget(Clock clock, Instant now, long remainingMillis) {
        Duration remaining = Duration.ofMillis(remainingMillis);
        return RunBudget.until(clock, now.plus(remaining).minus(remaining.dividedBy(RESERVE_FRACTION)));
    }

    public SendCampaigns send() {
        return send;
    }

    public Clock clock() {
        return clock;
    }
}
