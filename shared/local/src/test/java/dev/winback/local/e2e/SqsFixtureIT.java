package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.IntakeResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest handler on the SQS fixture in events/: bare events, an EventBridge envelope, one invalid body. */
class SqsFixtureIT {

    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void sqsBatchFixture_appliesTheValidEventsAndAcknowledgesTheInvalidOne() {
        SQSEvent batch = Fixtures.load("sqs-engagement-batch.json", SQSEvent.class);

        SQSBatchResponse response = fixture.handler.handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).as("an invalid body is kept, not retried").isEmpty();
        long invalid = batch.getRecords().stream()
                .filter(m -> !fixture.ingestion.intake().accept(List.of(
                        new EventIntake.RawEvent("check", m.getMessageId(), m.getBody())))
                        .stream().allMatch(r -> r instanceof IntakeResult.Duplicate))
                .count();
        assertThat(invalid).as("every valid body was applied the first time (now a duplicate)").isEqualTo(1);
    }
}
