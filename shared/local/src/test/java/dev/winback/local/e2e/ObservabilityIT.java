package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.observe.EmfDocuments;
import dev.winback.adapters.observe.EmfMetrics;
import dev.winback.adapters.observe.JsonLogFormatter;
import dev.winback.adapters.observe.Observed;
import dev.winback.adapters.pii.PiiCanaries;
import dev.winback.functions.ingest.IngestEventsComposition;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.local.runtime.lambda.LocalLambdaContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real ingest handler over DynamoDB Local, observed as deployed: a batch with one invalid event
 * carrying an email address and a phone number gives one EMF document counting 3 ingested and 1
 * rejected, and JSON log lines that carry the invocation's ids and neither the address nor the number.
 */
class ObservabilityIT {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void anIngestBatchWithABadEvent_countsItInEmf_andLogsJsonLinesWithTheCorrelationIdAndNoPersonalData() throws Exception {
        List<String> emf = new ArrayList<>();
        IngestEventsHandler handler = new IngestEventsHandler(new IngestEventsComposition(fixture.ingestion,
                new Observed(new EmfMetrics(Observed.DEFAULT_SERVICE, emf::add, Clock.fixed(NOW, ZoneOffset.UTC)))));
        List<String> logLines = new ArrayList<>();
        Handler json = capturing(logLines);
        Logger root = LogManager.getLogManager().getLogger("");
        root.addHandler(json);
        try {
            handler.handleRequest(batch(valid("obs-e1"), valid("obs-e2"), valid("obs-e3"), """
                    {"eventId":"obs-bad","customerId":"%s","type":"sms_reply","occurredAt":"2026-11-23T10:15:30Z",
                     "properties":{"phone":"%s","text":"%s"}}""".formatted(PiiCanaries.EMAIL, PiiCanaries.PHONE,
                    PiiCanaries.SMS_TEXT)), new LocalLambdaContext("winback-ingest", "req-obs-1", Long.MAX_VALUE, 512));
        } finally {
            root.removeHandler(json);
        }

        assertThat(emf).singleElement();
        JsonNode document = JSON.readTree(emf.getFirst());
        JsonNode directive = EmfDocuments.directive(document, NOW);
        assertThat(EmfDocuments.metricNames(directive)).containsExactlyInAnyOrder("EventsIngested", "EventsRejected");
        assertThat(document.get("EventsIngested").asLong()).isEqualTo(3);
        assertThat(document.get("EventsRejected").asLong()).isEqualTo(1);
        assertThat(document.get("service").asText()).isEqualTo("winback");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : logLines) lines.add(JSON.readTree(line));
        assertThat(lines).as("the rejection is noted").anySatisfy(line ->
                assertThat(line.get("message").asText()).contains("rejected event"));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("correlation_id").asText()).as("a batch of four: the request's id").isEqualTo("req-obs-1");
            assertThat(line.get("function_request_id").asText()).isEqualTo("req-obs-1");
            assertThat(line.get("function_name").asText()).isEqualTo("winback-ingest");
            assertThat(line.get("service").asText()).isEqualTo("winback");
            assertThat(line.has("timestamp") && line.has("level") && line.has("cold_start")).isTrue();
        });
        for (String canary : PiiCanaries.ALL) {
            assertThat(logLines).noneMatch(line -> line.contains(canary));
            assertThat(emf).noneMatch(line -> line.contains(canary));
        }
    }

    /** Every record at INFO and above, as the deployed functions write them. */
    private static Handler capturing(List<String> lines) {
        JsonLogFormatter formatter = new JsonLogFormatter(Observed.DEFAULT_SERVICE);
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("dev.winback")) {
                    lines.add(formatter.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.INFO);
        return handler;
    }

    private static String valid(String eventId) {
        return """
                {"eventId":"%s","customerId":"obs-c1","type":"session_started","occurredAt":"2026-11-23T10:15:30Z",
                 "platform":"app","properties":{"platform":"app"}}""".formatted(eventId);
    }

    private static SQSEvent batch(String... bodies) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("obs-m" + i);
            message.setBody(bodies[i]);
            message.setEventSource("aws:sqs");
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }
}
