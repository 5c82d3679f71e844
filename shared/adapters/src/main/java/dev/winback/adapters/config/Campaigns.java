package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.DynamoDbCampaignCounters;
import dev.winback.adapters.dynamodb.DynamoDbCampaigns;
import dev.winback.adapters.dynamodb.DynamoDbListedSegments;
import dev.winback.core.campaign.ManageCampaigns;
import dev.winback.core.campaign.SendCampaigns;
import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.segment.SegmentMembers;

import java.time.Clock;

/**
 * One-off campaigns over the table: the operators' use cases (the HTTP API) and the scheduled
 * sender, both handing messages to {@code delivery} (the delivery queue). The sender reads the
 * members it is given: as deployed, a segment's members as its definition keeps them
 * ({@link EngagementTable#segmentMembers()}).
 */
public final class Campaigns {

    private final EngagementTable table;
    private final MessageRequests delivery;
    private final DeliveryPolicies policies;
    private final Clock clock;

    public Campaigns(EngagementTable table, MessageRequests delivery, DeliveryPolicies policies, Clock clock) {
        this.table = table;
        this.delivery = delivery;
        this.policies = policies;
        this.clock = clock;
    }

    public static DynamoDbCampaignCounters counters(EngagementTable table) {
        return new DynamoDbCampaignCounters(table.clients().dynamoDb(), table.tableName(), table.meter());
    }

    /**
     * Segments given as fixed lists of customer ids ({@link DynamoDbListedSegments}): the local
     * runtime's campaign tests name exactly who is in, whatever the records say.
     */
    public static DynamoDbListedSegments listedMembers(EngagementTable table) {
        return new DynamoDbListedSegments(table.clients().dynamoDb(), table.tableName(), table.meter());
    }

    public DynamoDbCampaigns store() {
        return new DynamoDbCampaigns(table.clients().dynamoDb(), table.tableName(), table.meter());
    }

    public ManageCampaigns manage() {
        return new ManageCampaigns(store(), counters(table), delivery, policies, clock);
    }

    public SendCampaigns sender(SegmentMembers members) {
        return new SendCampaigns(store(), members, delivery, policies, new JulWarnings(SendCampaigns.class));
    }
}
