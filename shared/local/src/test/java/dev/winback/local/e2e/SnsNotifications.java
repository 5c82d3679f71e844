package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;

import java.util.List;

/** SNS events as Lambda receives them, for the feedback function's tests. */
final class SnsNotifications {

    private SnsNotifications() {
    }

    /** One notification carrying {@code message}, as SNS invokes the function. */
    static SNSEvent of(String message) {
        SNSEvent.SNS sns = new SNSEvent.SNS();
        sns.setMessage(message);
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
        record.setSns(sns);
        SNSEvent event = new SNSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** The message of the fixture in events/. */
    static String fixture(String name) {
        return Fixtures.load(name, SNSEvent.class).getRecords().getFirst().getSNS().getMessage();
    }
}
