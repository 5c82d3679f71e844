package dev.winback.adapters.sns;

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
 * {@code data}). The message id travels in the data; an app that reports {@code message_delivered}
 * with it lets push wait for a receipt before falling back, but only when the deployment says so
 * ({@code receiptsExpected}): without receipts every push would fall back and send twice. A disabled
 * endpoint (the app was uninstalled, the token expired) is refused at once, and the next channel is tried.
 */
public final class SnsPushSender implements ChannelSender {

    static final String MESSAGE_ID = "winbackMessageId";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsClient sns;
    private final boolean receiptsExpected;

    /** Push without delivery receipts: the default, since not every app reports them. */
    public SnsPushSender(SnsClient sns) {
        this(sns, false);
    }

    /** @param receiptsExpected whether the app reports deliveries (then push waits for them before falling back) */
    public SnsPushSender(SnsClient sns, boolean receiptsExpected) {
        this.sns = sns;
        this.receiptsExpected = receiptsExpected;
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
            return new SendResult.Accepted(response.messageId(), receiptsExpected);
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
