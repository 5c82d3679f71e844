package dev.winback.adapters.sns;

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
 *
 * <p>A number on the account's opted-out list (it texted STOP to one of the account's numbers; see
 * {@code CheckIfPhoneNumberIsOptedOut}) is refused before publishing, so the ledger says why instead
 * of showing a send SNS would silently drop. The check is one more call per text, throttled by SNS
 * on its own quota: a failed or throttled check is retried later, never skipped.
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
            if (sns.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber(message.address())).isOptedOut()) {
                return new SendResult.Rejected(SendResult.FailureKind.SUPPRESSED_BY_PROVIDER,
                        "SNS lists the number as opted out");
            }
        } catch (SdkException e) {
            // Only a check: nothing was sent, whatever happened to it.
            return new SendResult.Retryable("checking the SNS opt-out list failed: " + e.getClass().getSimpleName());
        }
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
