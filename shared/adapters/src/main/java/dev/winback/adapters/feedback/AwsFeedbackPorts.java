package dev.winback.adapters.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.json.ContractRules;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The feedback ports on AWS: endpoint owners from SNS endpoint attributes, SMS replies through SNS,
 * customer replies on the EventBridge bus. Only the feedback function, which declares the sns and
 * eventbridge SDK modules, builds these.
 */
public final class AwsFeedbackPorts {

    public static final String REPLY_DETAIL_TYPE = "CustomerReplied";
    public static final String SOURCE = "winback.feedback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(AwsFeedbackPorts.class.getName());

    private AwsFeedbackPorts() {
    }

    /**
     * CustomUserData is the customer id, or a JSON object with {@code customerId}: what Winback's
     * push sender writes when it creates the endpoint.
     */
    public static FeedbackPorts.EndpointOwners endpointOwners(AwsClients clients) {
        return endpointArn -> {
            try {
                String data = clients.sns().getEndpointAttributes(b -> b.endpointArn(endpointArn)).attributes()
                        .getOrDefault("CustomUserData", "").trim();
                return customerIdIn(data);
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        };
    }

    static Optional<String> customerIdIn(String data) {
        String id = data;
        if (data.startsWith("{")) {
            try {
                id = JSON.readTree(data).path("customerId").asText("");
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return id.isEmpty() || ContractRules.CUSTOMER_ID.problemWith(id).isPresent() ? Optional.empty() : Optional.of(id);
    }

    public static FeedbackPorts.SmsReplies smsReplies(AwsClients clients) {
        return (to, from, text) -> clients.sns().publish(b -> b.phoneNumber(to).message(text).messageAttributes(
                from == null || from.isBlank() ? Map.of() : Map.of("AWS.MM.SMS.OriginationNumber",
                        MessageAttributeValue.builder().dataType("String").stringValue(from).build(),
                        "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String")
                                .stringValue("Transactional").build())));
    }

    public static FeedbackPorts.SmsOptIns smsOptIns(SnsClient sns) {
        return e164 -> {
            try {
                sns.optInPhoneNumber(b -> b.phoneNumber(e164));
            } catch (SdkException e) {
                LOG.log(Level.WARNING, "SNS did not opt the number back in (" + e.getClass().getSimpleName()
                        + "); texts to it stay refused until it does", e);
            }
        };
    }

    public static FeedbackPorts.ReplyEvents replyEvents(AwsClients clients, String eventBus) {
        return reply -> {
            ObjectNode detail = JSON.createObjectNode();
            detail.put("inboundMessageId", reply.inboundMessageId());
            detail.putArray("customerIds").addAll(reply.customerIds().stream()
                    .map(JSON.getNodeFactory()::textNode).toList());
            detail.put("channel", reply.channel());
            detail.put("text", reply.text());
            detail.put("receivedAt", reply.receivedAt().toString());
            var response = clients.eventBridge().putEvents(b -> b.entries(e -> e.eventBusName(eventBus)
                    .source(SOURCE).detailType(REPLY_DETAIL_TYPE).detail(detail.toString())));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                throw new IllegalStateException("the bus refused the CustomerReplied event");
            }
        };
    }
}
