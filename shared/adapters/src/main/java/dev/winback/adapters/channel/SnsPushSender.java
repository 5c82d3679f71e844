package dev.winback.adapters.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishResponse;

import java.util.Map;

/**
 * Mobile push to an SNS platform endpoint (the profile's push endpoint ARN), with a payload for
 * each platform: APNs ({@code aps.alert} title and body) and FCM (HTTP v1 {@code notification} and
 * {@code data}). The message id travels in the data, and the app reports {@code message_delivered}
 * or {@code message_opened} with it, so push waits for a receipt before falling back. A disabled
 * endpoint (the app was uninstalled, the token expired) is refused at once, and the next channel is tried.
 */
public final class SnsPushSender implements ChannelSender {

    static final String MESSAGE_ID = "winbackMessageId";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsClient sns;

    public SnsPushSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        try {
            PublishResponse response = sns.publish(b -> b.targetArn(message.address())
                    .messageStructure("json").message(payload(message)));
            return new SendResult.Accepted(response.messageId(), true);
        } catch (SdkException e) {
            return SnsFailures.of(e);
        }
    }

    /** The SNS message structure: one payload per platform, each itself a JSON string. */
    static String payload(OutboundMessage message) {
        String title = message.content().subject();
        String body = message.content().text();
        ObjectNode apns = JSON.createObjectNode();
        ObjectNode aps = apns.putObject("aps");
        ObjectNode alert = aps.putObject("alert");
        alert.put("title", title);
        alert.put("body", body);
        aps.put("sound", "default");
        apns.put(MESSAGE_ID, message.messageId());
        message.content().data().forEach(apns::put);

        ObjectNode fcm = JSON.createObjectNode();
        ObjectNode fcmMessage = fcm.putObject("fcmV1Message").putObject("message");
        ObjectNode notification = fcmMessage.putObject("notification");
        notification.put("title", title);
        notification.put("body", body);
        ObjectNode data = fcmMessage.putObject("data");
        data.put(MESSAGE_ID, message.messageId());
        for (Map.Entry<String, String> entry : message.content().data().entrySet()) data.put(entry.getKey(), entry.getValue());

        ObjectNode structure = JSON.createObjectNode();
        structure.put("default", body);
        structure.put("APNS", apns.toString());
        structure.put("APNS_SANDBOX", apns.toString());
        structure.put("GCM", fcm.toString());
        return structure.toString();
    }
}
