package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

import java.util.List;
import java.util.Map;

/**
 * The channel plan of a request: its own ordered channels, else its campaign's channels in the
 * playbook, else the default for its purpose (push, then email, then in-app for marketing; push,
 * then SMS, then email for transactional messages, which must arrive).
 */
public record ChannelPlans(Map<String, List<Channel>> byCampaign, Map<Purpose, List<Channel>> byPurpose) {

    public static final ChannelPlans DEFAULT = new ChannelPlans(Map.of(), Map.of(
            Purpose.MARKETING, List.of(Channel.PUSH, Channel.EMAIL, Channel.IN_APP),
            Purpose.TRANSACTIONAL, List.of(Channel.PUSH, Channel.SMS, Channel.EMAIL)));

    public ChannelPlans {
        byCampaign = Map.copyOf(byCampaign);
        byPurpose = Map.copyOf(byPurpose);
    }

    public List<Channel> planFor(DeliveryRequest request) {
        if (!request.channels().isEmpty()) return request.channels();
        List<Channel> campaign = byCampaign.get(request.campaignId());
        if (campaign != null && !campaign.isEmpty()) return campaign;
        return byPurpose.getOrDefault(request.purpose(), List.of());
    }

    public ChannelPlans withCampaigns(Map<String, List<Channel>> campaigns) {
        return new ChannelPlans(campaigns, byPurpose);
    }
}
