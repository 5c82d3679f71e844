package dev.winback.local.bench;

import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.sqs.DeliveryBatch;
import dev.winback.adapters.sqs.DeliveryQueueMessages;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.delivery.TemplateVariables;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.functions.deliver.DeliveryComposition;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.sns.SnsPushSender;
import dev.winback.adapters.sns.SnsSmsSender;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;
import dev.winback.core.outcome.HoldoutShares;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Messages per second through the delivery function's own batch ({@link DeliveryBatch}, as the
 * handler runs it: queue bodies parsed, one read of the batch's records, its customers concurrently,
 * each message rendered from the shipped templates with signed links, claimed, sent on SNS, answered
 * and recorded in the record, the decisions published once per batch) next to bare SNS publishes of
 * an SMS of the same length to the same emulator at the same concurrency (as many in flight as a
 * batch has customers), in the same run; and the DynamoDB requests and units one message costs,
 * billed by DynamoDB's rules beside DynamoDB Local's count. Needs the moto emulator (scripts/bench
 * starts it: WINBACK_MOTO_ENDPOINT).
 */
public final class DeliverBench {

    record Options(int messages) { }

    private static final Instant AT = Instant.parse("2026-11-23T15:00:00Z");
    private static final int WARM_UP = 200;
    /** The template's BatchSize for the delivery queue, and so the messages in flight on both sides. */
    static final int BATCH = 10;
    private static final TemplateVariables.Brand BRAND =
            new TemplateVariables.Brand("Winback bench", URI.create("https://shop.example"));
    /**
     * Requests made before the provider call (the batch's reads, the copies) besides the claims,
     * which are PutItems as the answers after the call are, and counted apart.
     */
    private static final Set<String> BEFORE_SEND = Set.of("BatchGetItem", "GetItem", "Query", "BatchWriteItem");

    private DeliverBench() {
    }

    /** Counts publications: the batch publishes its decisions once, after its sends. */
    static final class CountingDecisions implements DecisionPublisher {
        final AtomicLong publications = new AtomicLong();
        final AtomicLong decisions = new AtomicLong();

        @Override
        public void publish(LedgerEntry entry, List<MessageDecision> published) {
            publishAll(List.of(new Stored(entry, published)));
        }

        @Override
        public void publishAll(List<Stored> stored) {
            publications.incrementAndGet();
            stored.forEach(one -> decisions.addAndGet(one.decisions().size()));
        }
    }

    public static int run(Options options, Path template, PrintStream out) {
        String endpoint = System.getenv("WINBACK_MOTO_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            out.println("bench deliver: needs the moto emulator; run it through scripts/bench, which starts one");
            return 2;
        }
        int messages = options.messages() / BATCH * BATCH;
        out.printf("bench deliver: %,d transactional SMS (order-shipped, rendered, signed links), one per customer,"
                + " in queue batches of %d through DeliveryBatch, and raw SNS publishes %d at a time%n", messages, BATCH, BATCH);
        BillingMeter billing = new BillingMeter();
        OperationCounts operations = new OperationCounts(billing);
        ExecutorService rawThreads = Executors.newFixedThreadPool(BATCH);
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(); DynamoDbClient metered = MeteredDynamoDb.overHttp(operations);
             AwsClients clients = new AwsClients(metered);
             SnsClient sns = SnsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                     .httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            Map<String, String> tables = TemplateTables.create(SamTemplate.read(template), clients.dynamoDb());
            WinbackConfig config = new WinbackConfig(tables.get("EngagementTable"), "winback-bench");
            VirtualClock clock = new VirtualClock(AT);
            EngagementTable table = new EngagementTable(config, clients, clock);
            Ingestion ingestion = new Ingestion(table, clock, WriterThreads.newPool());
            // Transactional messages only, which no holdout touches.
            MessageDelivery delivery = new MessageDelivery(table, ingestion, clock, HoldoutShares.NONE);
            CountingDecisions decisions = new CountingDecisions();
            MessageComposer composer = DeliveryComposition.composer(delivery.templates(), BRAND,
                    LinkConfig.localDevelopment(URI.create("https://links.example")), clock);
            DeliveryBatch batch = new DeliveryComposition(delivery.deliverMessages(
                    List.of(new SnsSmsSender(sns), new SnsPushSender(sns)), composer, decisions)).batch();
            int customers = WARM_UP + messages;
            seedCustomers(ingestion, customers);

            // Untimed: compiles both paths and opens connections, as a warm Lambda has.
            raw(sns, rawThreads, 0, WARM_UP);
            deliverBatches(batch, 0, WARM_UP);

            long rawStarted = System.nanoTime();
            raw(sns, rawThreads, WARM_UP, customers);
            double rawSeconds = (System.nanoTime() - rawStarted) / 1e9;

            table.meter().reset();
            BillingMeter.Totals before = billing.totals();
            Map<String, Long> requestsBefore = operations.snapshot();
            long claimsBefore = operations.claims();
            long publicationsBefore = decisions.publications.get();
            long started = System.nanoTime();
            DeliveryBatch.Report report = deliverBatches(batch, WARM_UP, customers);
            double seconds = (System.nanoTime() - started) / 1e9;
            BillingMeter.Totals billed = billing.totals().minus(before);
            BillingMeter.Totals perMessage = billed.per(messages);
            Map<String, Long> requests = OperationCounts.minus(operations.snapshot(), requestsBefore);
            long publications = decisions.publications.get() - publicationsBefore;
            double readUnits = table.meter().readUnits();
            double writeUnits = table.meter().writeUnits();

            double rate = messages / seconds;
            double rawRate = messages / rawSeconds;
            double unitsPerMessage = (readUnits + writeUnits) / messages;
            long total = requests.values().stream().mapToLong(Long::longValue).sum();
            long beforeSend = requests.entrySet().stream().filter(e -> BEFORE_SEND.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum() + operations.claims() - claimsBefore;
            double perMsg = (double) total / messages;
            double beforePerMsg = (double) beforeSend / messages;
            out.printf("  raw SNS Publish      %,d in %.2f s = %,.0f msgs/s (%d in flight)%n", messages, rawSeconds, rawRate,
                    BATCH);
            out.printf("  delivery batches     %,d in %.2f s = %,.0f msgs/s (%,d delivered, %,d to retry, %,d batches,"
                            + " %,d decision publications)%n", messages, seconds, rate, report.delivered(),
                    report.retry().size(), messages / BATCH, publications);
            out.printf(Locale.ROOT, "  DynamoDB requests per message %.2f, %.2f of them before the provider call: %s%n",
                    perMsg, beforePerMsg, perMessage(requests, messages));
            out.printf(Locale.ROOT, "  billed by DynamoDB's rules, per message: %.3f write units (%.3f of them index writes)"
                            + " + %.3f read units = %.3f WRU-eq, $%.2f per million messages;"
                            + " DynamoDB Local reported %.3f + %.3f%n",
                    perMessage.writeUnits(), perMessage.indexWriteUnits(), perMessage.readUnits(),
                    perMessage.writeUnitEquivalents(), perMessage.dollars() * 1e6, writeUnits / messages,
                    readUnits / messages);
            out.printf(Locale.ROOT, "  billed WRU-eq per message by request: %s%n", perMessage.operations());
            out.printf(Locale.ROOT, "RESULT deliver msgs_per_s=%.0f raw_msgs_per_s=%.0f ratio=%.2f concurrency=%d"
                            + " ddb_units_per_msg=%.2f wcu_per_msg=%.3f rcu_per_msg=%.3f %s requests_per_msg=%.2f"
                            + " requests_before_send_per_msg=%.2f publications_per_batch=%.2f%n",
                    rate, rawRate, rate / rawRate, BATCH, unitsPerMessage, writeUnits / messages, readUnits / messages,
                    perMessage.resultFields(""), perMsg, beforePerMsg, (double) publications / (messages / BATCH));
            return report.delivered() == messages ? 0 : 1;
        } finally {
            rawThreads.shutdownNow();
        }
    }

    private static String perMessage(Map<String, Long> requests, int messages) {
        return requests.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), (double) e.getValue() / messages))
                .collect(Collectors.joining(", "));
    }

    /** Customers {@code from} to {@code to} in queue batches, one batch after another as one function instance takes them. */
    private static DeliveryBatch.Report deliverBatches(DeliveryBatch batch, int from, int to) {
        List<String> retry = new ArrayList<>();
        int delivered = 0;
        for (int first = from; first < to; first += BATCH) {
            List<DeliveryBatch.Message> bodies = new ArrayList<>();
            for (int i = first; i < Math.min(to, first + BATCH); i++) {
                bodies.add(new DeliveryBatch.Message("m-" + i, DeliveryQueueMessages.body(request(i))));
            }
            DeliveryBatch.Report report = batch.process(bodies);
            retry.addAll(report.retry());
            delivered += report.delivered();
        }
        return new DeliveryBatch.Report(retry, delivered, 0, 0, 0);
    }

    /** Publishes to customers {@code from} to {@code to}, {@link #BATCH} at a time. */
    private static void raw(SnsClient sns, ExecutorService threads, int from, int to) {
        List<Future<?>> running = new ArrayList<>();
        AtomicLong next = new AtomicLong(from);
        for (int t = 0; t < BATCH; t++) {
            running.add(threads.submit(() -> {
                for (long i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) rawPublish(sns, (int) i);
            }));
        }
        for (Future<?> one : running) {
            try {
                one.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a raw publish failed", e.getCause());
            }
        }
    }

    private static void seedCustomers(Ingestion ingestion, int customers) {
        List<EngagementEvent> events = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            events.add(new EngagementEvent("bench-p-" + i, customer(i), AT.minus(Duration.ofDays(1)), Optional.empty(),
                    new EventPayload.ProfileUpdated(Optional.empty(), Optional.of(phone(i)), Optional.of("Europe/Madrid"),
                            Optional.empty(), Optional.empty(), Optional.empty())));
        }
        for (int from = 0; from < events.size(); from += 500) {
            boolean failed = ingestion.intake().apply(events.subList(from, Math.min(events.size(), from + 500)))
                    .stream().anyMatch(r -> !(r instanceof IntakeResult.Applied));
            if (failed) throw new IllegalStateException("seeding the customers failed");
        }
    }

    private static DeliveryRequest request(int i) {
        return new DeliveryRequest(customer(i), "order-shipped", "send-shipped", "o-" + i, Purpose.TRANSACTIONAL,
                MessageCategory.ORDER_UPDATES, List.of(Channel.SMS), AT, AT.plus(Duration.ofDays(1)),
                Duration.ofHours(4), Map.of("orderId", "o-" + i));
    }

    private static void rawPublish(SnsClient sns, int i) {
        sns.publish(b -> b.phoneNumber(phone(i)).message("Winback bench: Order o-" + i
                        + " has shipped and is on its way to you.")
                .messageAttributes(Map.of("AWS.SNS.SMS.SMSType",
                        MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())));
    }

    private static String customer(int i) {
        return "bench-" + i;
    }

    /** Never ending in 99: the emulator lists those numbers as opted out of SMS, and the sender refuses them. */
    private static String phone(int i) {
        return "+1555" + String.format("%08d", i * 10L + 1);
    }
}
