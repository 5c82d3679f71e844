package dev.winback.local.e2e;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A message per campaign without templates; the text carries the message id so the provider log can
 * name it. Marketing email carries a (fake) one-click unsubscribe link, as SES sending requires.
 */
final class TestComposer implements MessageComposer {

    @Override
    public OutboundMessage compose(DeliveryRequest request, Channel channel, String address, String messageId,
                                   EngagementRecord record) {
        String text = "We miss you (" + request.campaignId() + ", ref " + messageId + ")";
        return new OutboundMessage(messageId, request.customerId(), channel, request.purpose(), address,
                new RenderedContent("Come back", "<p>" + text + "</p>", text, Map.of("campaign", request.campaignId())),
                channel == Channel.EMAIL && request.purpose() == Purpose.MARKETING
                        ? Optional.of(URI.create("https://links.example/u/" + messageId)) : Optional.empty());
    }
}
