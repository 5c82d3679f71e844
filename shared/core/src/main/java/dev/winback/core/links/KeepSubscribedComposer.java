package dev.winback.core.links;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.event.Channel;
import dev.winback.core.record.EngagementRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives last-chance messages their keep-me-subscribed button: the variable {@value #VARIABLE}, a
 * signed link made at send time (never stored with the request). Without links (no public URL
 * configured) the variable is absent, the template fails to render and the message is not sent:
 * a last chance without a working button would be no chance at all.
 */
public final class KeepSubscribedComposer implements MessageComposer {

    public static final String VARIABLE = "keepSubscribedUrl";

    private final MessageComposer templates;
    private final Optional<SignedLinks> links;
    private final Set<String> lastChanceCampaigns;

    public KeepSubscribedComposer(MessageComposer templates, Optional<SignedLinks> links,
                                  Set<String> lastChanceCampaigns) {
        this.templates = templates;
        this.links = links;
        this.lastChanceCampaigns = Set.copyOf(lastChanceCampaigns);
    }

    @Override
    public OutboundMessage compose(DeliveryRequest request, Channel channel, String address, String messageId,
                                   EngagementRecord record) {
        if (!lastChanceCampaigns.contains(request.campaignId()) || links.isEmpty()) {
            return templates.compose(request, channel, address, messageId, record);
        }
        Map<String, String> variables = new HashMap<>(request.variables());
        variables.put(VARIABLE, links.get().keepSubscribed(request.customerId(), channel).toString());
        DeliveryRequest withLink = request.withVariables(variables);
        return templates.compose(withLink, channel, address, messageId, record);
    }
}
