package dev.winback.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.winback.adapters.observe.Observed;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.IntakeMetrics;
import dev.winback.core.ingest.IntakeResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Engagement events from the ingest queue (bare events or EventBridge envelopes). Invalid events
 * are kept with their reasons and acknowledged; only transient failures go back to the queue, as
 * batch item failures, so a batch never redelivers what already succeeded.
 */
public final class IngestEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final EventIntake intake;
    private final Observed observed;

    public IngestEventsHandler() {
        this(IngestEventsComposition.fromEnvironment());
    }

    /** For the local runtime, benchmarks and tests, which compose the intake themselves. */
    public IngestEventsHandler(IngestEventsComposition composition) {
        this.intake = composition.intake();
        this.observed = composition.observed();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observed.sqs(event, context, () -> ingest(event));
    }

    private SQSBatchResponse ingest(SQSEvent event) {
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        List<EventIntake.RawEvent> raws = messages.stream()
                .map(m -> new EventIntake.RawEvent("sqs", m.getMessageId(), m.getBody(), sentAt(m))).toList();
        List<IntakeResult> results = intake.accept(raws);
        IntakeMetrics.count(results, observed.metrics());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof IntakeResult.Retry) {
                failures.add(new SQSBatchResponse.BatchItemFailure(messages.get(i).getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** SQS's own SentTimestamp (epoch milliseconds): when the queue took the event in, stable across redeliveries. */
    private static Instant sentAt(SQSEvent.SQSMessage message) {
        String millis = message.getAttributes() == null ? null : message.getAttributes().get("SentTimestamp");
        if (millis == null) return null;
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
