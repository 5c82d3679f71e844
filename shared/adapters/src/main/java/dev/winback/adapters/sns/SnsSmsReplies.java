package dev.winback.adapters.sns;

import dev.winback.core.feedback.SmsReplies;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/** Replies to texts through SNS, as transactional texts from the number the customer texted. */
public final class SnsSmsReplies implements SmsReplies {

    private final SnsClient sns;

    public SnsSmsReplies(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public void send(String to, String from, String text) {
        sns.publish(b -> b.phoneNumber(to).message(text).messageAttributes(
                from == null || from.isBlank() ? Map.of() : Map.of("AWS.MM.SMS.OriginationNumber",
                        MessageAttributeValue.builder().dataType("String").stringValue(from).build(),
                        "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String")
                                .stringValue("Transactional").build())));
    }
}
