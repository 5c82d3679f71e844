package dev.winback.local.runtime.delivery;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.record.EngagementRecord;

import java.util.Map;
import java.util.Optional;

/**
 * The local runtime's messages: a line naming the campaign and the message, in place of the
 * repository's templates, so local runs show what was sent without rendering real content.
 */
public final class PlainTextComposer implements MessageComposer {

    @Override
    public OutboundMessage compose(DeliveryRequest request, Channel channel, String address, String messageId,
                                   EngagementRecord record) {
        String text = "[" + request.campaignId() + "] message " + messageId;
        return new OutboundMessage(messageId, request.customerId(), channel, request.purpose(), address,
                new RenderedContent(request.campaignId(), "<p>" + text + "</p>", text,
                        Map.of("campaignId", request.campaignId())), Optional.empty());
    }
}
