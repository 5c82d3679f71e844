package dev.winback.core.campaign;

import dev.winback.core.delivery.DeliveryPolicies;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.observe.Warnings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** A store, a segment and a delivery queue that records what it was handed. */
final class CampaignsFixture {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    final InMemoryCampaignStore store = new InMemoryCampaignStore();
    final ListedMembers members = new ListedMembers();
    final List<DeliveryRequest> handedOver = new ArrayList<>();
    /** Requests the queue refuses from this many on (a queue failing mid-run). */
    int refuseAfter = Integer.MAX_VALUE;

    final MessageRequests queue = requests -> {
        Set<MessageKey> accepted = new HashSet<>();
        for (DeliveryRequest request : requests) {
            if (handedOver.size() >= refuseAfter) break;
            handedOver.add(request);
            accepted.add(request.key());
        }
        return accepted;
    };

    CampaignsFixture members(String segmentId, int count) {
        members.with(segmentId, IntStream.range(0, count).mapToObj(i -> String.format("c-%05d", i)).toList());
        return this;
    }

    ManageCampaigns manage() {
        return new ManageCampaigns(store, CampaignCounters.NONE, queue, DeliveryPolicies.constant(DeliveryPolicy.defaults()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    SendCampaigns sender() {
        return new SendCampaigns(store, members, queue, DeliveryPolicies.constant(DeliveryPolicy.defaults()), Warnings.NONE);
    }

    static Campaign campaign(String id, int rate, CampaignSchedule schedule) {
        return new Campaign(id, "vips", "winter-sale", List.of(Channel.EMAIL), Purpose.MARKETING,
                MessageCategory.PROMOTIONS, schedule, rate, List.of("c-test-1", "c-test-2"));
    }

    long distinctKeys() {
        return handedOver.stream().map(DeliveryRequest::key).distinct().count();
    }
}
