package dev.winback.adapters.eventbridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.feedback.CustomerReplied;
import dev.winback.core.feedback.ReplyEvents;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Customer replies on the EventBridge bus as {@code CustomerReplied} from {@code winback.feedback}. */
public final class EventBridgeReplyEvents implements ReplyEvents {

    public static final String REPLY_DETAIL_TYPE = "CustomerReplied";
    public static final String SOURCE = "winback.feedback";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient eventBridge;
    private final String eventBus;

    public EventBridgeReplyEvents(EventBridgeClient eventBridge, String eventBus) {
        this.eventBridge = eventBridge;
        this.eventBus = eventBus;
    }

    @Override
    public void publish(CustomerReplied reply) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("inboundMessageId", reply.inboundMessageId());
        detail.putArray("customerIds").addAll(reply.customerIds().stream()
                .map(JSON.getNodeFactory()::textNode).toList());
        detail.put("channel", reply.channel());
        detail.put("text", reply.text());
        detail.put("receivedAt", reply.receivedAt().toString());
        var response = eventBridge.putEvents(b -> b.entries(e -> e.eventBusName(eventBus)
                .source(SOURCE).detailType(REPLY_DETAIL_TYPE).detail(detail.toString())));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("the bus refused the CustomerReplied event");
        }
    }
}
