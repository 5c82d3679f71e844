package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.record.EngagementRecord;

/** Builds the message that leaves on a channel: rendered, addressed, with its unsubscribe link. */
public interface MessageComposer {

    /** @throws MessageTemplates.TemplateException when it cannot be rendered (no template, a missing variable) */
    OutboundMessage compose(DeliveryRequest request, Channel channel, String address, String messageId,
                            EngagementRecord record);
}
