package dev.winback.local.runtime.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqsEventsTest {

    /** md5 of {"a":1}, as SQS reports it. */
    private static final String MD5_OF_A1 = "bb6cb5c68df4652941caf652a366f2d8";
    private static final Instant AT = Instant.parse("2026-11-23T08:15:30.250Z");

    @Test
    void batch_shapesEachBodyAsTheSqsPollerDelivers() {
        SQSEvent event = SqsEvents.batch(List.of("{\"a\":1}", "{\"b\":2}"), AT);

        assertThat(event.getRecords()).hasSize(2);
        SQSEvent.SQSMessage first = event.getRecords().getFirst();
        assertThat(first.getBody()).isEqualTo("{\"a\":1}");
        assertThat(first.getMessageId()).isNotBlank().isNotEqualTo(event.getRecords().get(1).getMessageId());
        assertThat(first.getEventSource()).isEqualTo("aws:sqs");
        assertThat(first.getEventSourceArn()).startsWith("arn:aws:sqs:us-east-1:");
        assertThat(first.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(first.getMd5OfBody()).isEqualTo(MD5_OF_A1);
        assertThat(first.getAttributes())
                .containsEntry("ApproximateReceiveCount", "1")
                .containsEntry("SentTimestamp", Long.toString(AT.toEpochMilli()));
    }

    @Test
    void envelope_isEventBridgeJsonWithTheEventAsDetail() throws Exception {
        String wrapped = EventBridgeEnvelope.wrap("{\"customerId\":\"c-1\"}", AT);

        JsonNode envelope = new ObjectMapper().readTree(wrapped);
        assertThat(envelope.path("detail-type").asText()).isEqualTo(EventBridgeEnvelope.DETAIL_TYPE);
        assertThat(envelope.path("version").asText()).isEqualTo("0");
        assertThat(envelope.path("time").asText()).isEqualTo("2026-11-23T08:15:30Z");
        assertThat(envelope.path("detail").path("customerId").asText()).isEqualTo("c-1");
        assertThat(envelope.path("id").asText()).isNotBlank();
    }
}
