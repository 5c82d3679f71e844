package dev.winback.adapters.channel;

import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishResponse;

import java.util.Map;

/**
 * SMS through SNS, straight to the number. Transactional messages go as {@code Transactional} (SNS
 * routes them for reliability), marketing as {@code Promotional} (for cost). SNS reports SMS
 * delivery only to CloudWatch Logs, so no receipt is awaited.
 */
public final class SnsSmsSender implements ChannelSender {

    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String type = message.purpose() == Purpose.TRANSACTIONAL ? "Transactional" : "Promotional";
        try {
            PublishResponse response = sns.publish(b -> b.phoneNumber(message.address())
                    .message(message.content().text())
                    .messageAttributes(Map.of(SMS_TYPE,
                            MessageAttributeValue.builder().dataType("String").stringValue(type).build())));
            return new SendResult.Accepted(response.messageId(), false);
        } catch (SdkException e) {
            return SnsFailures.of(e);
        }
    }
}
