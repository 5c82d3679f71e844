package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.record.EngagementRecord;

import java.util.Map;
import java.util.Optional;

/** A composer without templates: every campaign has a one-line message on every channel. */
final class PlainComposer implements MessageComposer {

    @Override
    public OutboundMessage compose(DeliveryRequest request, Channel channel, String address, String messageId,
                                   EngagementRecord record) {
        if (request.campaignId().equals("no-template")) {
            throw new MessageTemplates.TemplateException("no template for campaign no-template");
        }
        return new OutboundMessage(messageId, request.customerId(), channel, request.purpose(), address,
                new RenderedContent("Hello", "<p>Hello</p>", "Hello", Map.of("campaign", request.campaignId())),
                Optional.empty());
    }
}
