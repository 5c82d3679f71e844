package dev.winback.local.runtime.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the SQSEvent the Lambda SQS poller would deliver: one record per message body, first receive. */
public final class SqsEvents {

    /** The local stand-in for the ingest queue's ARN. */
    public static final String QUEUE_ARN =
            "arn:aws:sqs:" + LocalLambdaContext.REGION + ":" + LocalLambdaContext.ACCOUNT_ID + ":winback-local-ingest";

    private SqsEvents() {
    }

    /** @param sentAt when the messages were sent, from the virtual clock */
    public static SQSEvent batch(List<String> bodies, Instant sentAt) {
        String sent = Long.toString(sentAt.toEpochMilli());
        List<SQSEvent.SQSMessage> records = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(UUID.randomUUID().toString());
            message.setReceiptHandle(UUID.randomUUID().toString());
            message.setBody(body);
            message.setMd5OfBody(md5(body));
            message.setAttributes(Map.of(
                    "ApproximateReceiveCount", "1",
                    "SentTimestamp", sent,
                    "SenderId", "AROALOCAL:events.amazonaws.com",
                    "ApproximateFirstReceiveTimestamp", sent));
            message.setMessageAttributes(Map.of());
            message.setEventSource("aws:sqs");
            message.setEventSourceArn(QUEUE_ARN);
            message.setAwsRegion(LocalLambdaContext.REGION);
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
