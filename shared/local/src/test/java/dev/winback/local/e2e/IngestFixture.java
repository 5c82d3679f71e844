package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.StoredRecord;
import dev.winback.functions.ingest.IngestEventsComposition;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;

import dev.winback.adapters.dynamodb.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One DynamoDB Local per test JVM, with the tables created from template.yaml, and the real ingest
 * handler fed SQS-shaped batches. Tests keep apart by using their own customer ids.
 */
final class IngestFixture {

    private static IngestFixture shared;

    final LocalDynamoDb dynamoDb;
    final AwsClients clients;
    final WinbackConfig config;
    /** The writer threads every graph the tests build shares, as one process's would. */
    final ExecutorService writers = WriterThreads.newPool();
    final EngagementTable table;
    final Ingestion ingestion;
    final IngestEventsHandler handler;
    private final EventJsonWriter writer = new EventJsonWriter();
    private final AtomicLong messageIds = new AtomicLong();

    private IngestFixture() {
        dynamoDb = LocalDynamoDb.start();
        clients = new AwsClients();
        Map<String, String> tables = TemplateTables.create(SamTemplate.read(templatePath()), clients.dynamoDb());
        config = new WinbackConfig(tables.get("EngagementTable"), "winback-test");
        // After every sample in events/: an event dated after its receipt would be refused.
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        table = new EngagementTable(config, clients, clock);
        ingestion = new Ingestion(table, clock, writers);
        handler = new IngestEventsHandler(new IngestEventsComposition(ingestion));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            clients.close();
            dynamoDb.close();
        }));
    }

    static synchronized IngestFixture get() {
        if (shared == null) shared = new IngestFixture();
        return shared;
    }

    static Path templatePath() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        return dir.resolve("template.yaml");
    }

    String json(EngagementEvent event) {
        return writer.toJson(event);
    }

    /** Sends bodies as one SQS batch; returns the message ids the handler asked to retry. */
    List<String> sendBodies(List<String> bodies) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + messageIds.incrementAndGet());
            message.setBody(body);
            message.setEventSource("aws:sqs");
            messages.add(message);
        }
        event.setRecords(messages);
        SQSBatchResponse response = handler.handleRequest(event, null);
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    /** Every rejected event kept under this day's partition ({@code REJECTED#<day>}), page by page. */
    List<Map<String, AttributeValue>> rejectedItems(String day) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = clients.dynamoDb().query(q -> q.tableName(config.tableName())
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.rejectedDay(day))))
                    .exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    Map<String, StoredRecord> records(Collection<String> customerIds) {
        return table.store().load(customerIds);
    }
}
