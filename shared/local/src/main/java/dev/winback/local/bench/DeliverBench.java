package dev.winback.local.bench;

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
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.delivery.PlainTextComposer;
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

/**
 * Messages per second through the whole delivery path (record read, rules, ledger claim, record
 * read again, SNS publish, ledger answer, the send recorded in the record) next to bare SNS publishes of the same
 * SMS to the same emulator, in the same run and on the same thread; and the DynamoDB units one
 * message costs. Needs the moto emulator (scripts/bench starts it: WINBACK_MOTO_ENDPOINT).
 */
public final class DeliverBench {

    record Options(int messages) { }

    private static final Instant AT = Instant.parse("2026-11-23T15:00:00Z");
    private static final int WARM_UP = 200;

    private DeliverBench() {
    }

    public static int run(Options options, Path template, PrintStream out) {
        String endpoint = System.getenv("WINBACK_MOTO_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            out.println("bench deliver: needs the moto emulator; run it through scripts/bench, which starts one");
            return 2;
        }
        out.printf("bench deliver: %,d transactional SMS, one per customer, through the delivery path and raw%n",
                options.messages());
        BillingMeter billing = new BillingMeter();
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(); DynamoDbClient metered = MeteredDynamoDb.overHttp(billing);
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
            DeliverMessages delivery = new MessageDelivery(table, ingestion, clock, HoldoutShares.NONE).deliverMessages(List.of(new SnsSmsSender(sns), new SnsPushSender(sns)),
                    new PlainTextComposer(), DecisionPublisher.NONE);
            int customers = WARM_UP + options.messages();
            seedCustomers(ingestion, customers);

            // Untimed: compiles both paths and opens connections, as a warm Lambda has.
            for (int i = 0; i < WARM_UP; i++) {
                rawPublish(sns, i);
                delivery.deliver(request(i));
            }

            long rawStarted = System.nanoTime();
            for (int i = WARM_UP; i < customers; i++) rawPublish(sns, i);
            double rawSeconds = (System.nanoTime() - rawStarted) / 1e9;

            table.meter().reset();
            BillingMeter.Totals before = billing.totals();
            int sent = 0;
            long started = System.nanoTime();
            for (int i = WARM_UP; i < customers; i++) {
                if (delivery.deliver(request(i)).status().orElse(null) == LedgerStatus.SENT) sent++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            BillingMeter.Totals billed = billing.totals().minus(before);
            BillingMeter.Totals perMessage = billed.per(options.messages());
            double readUnits = table.meter().readUnits();
            double writeUnits = table.meter().writeUnits();

            double rate = options.messages() / seconds;
            double rawRate = options.messages() / rawSeconds;
            double unitsPerMessage = (readUnits + writeUnits) / options.messages();
            out.printf("  raw SNS Publish      %,d in %.2f s = %,.0f msgs/s%n", options.messages(), rawSeconds, rawRate);
            out.printf("  delivery path        %,d in %.2f s = %,.0f msgs/s (%,d sent)%n", options.messages(), seconds,
                    rate, sent);
            out.printf("  DynamoDB per message %.2f read units + %.2f write units (record read, and again after"
                            + " the claim; SMS suppression list; ledger claim, copy of the message, ledger answer;"
                            + " the send recorded in the record)%n",
                    readUnits / options.messages(), writeUnits / options.messages());
            out.printf(Locale.ROOT, "  billed by DynamoDB's rules, per message: %.3f write units (%.3f of them index writes)"
                            + " + %.3f read units = %.3f WRU-eq, $%.2f per million messages, in %.2f requests;"
                            + " DynamoDB Local reported %.3f + %.3f%n",
                    perMessage.writeUnits(), perMessage.indexWriteUnits(), perMessage.readUnits(),
                    perMessage.writeUnitEquivalents(), perMessage.dollars() * 1e6,
                    (double) billed.requests() / options.messages(), writeUnits / options.messages(),
                    readUnits / options.messages());
            out.printf(Locale.ROOT, "  billed WRU-eq per message by request: %s%n", perMessage.operations());
            out.printf(Locale.ROOT, "RESULT deliver msgs_per_s=%.0f raw_msgs_per_s=%.0f ratio=%.2f ddb_units_per_msg=%.2f"
                            + " wcu_per_msg=%.3f rcu_per_msg=%.3f %s requests_per_msg=%.2f%n",
                    rate, rawRate, rate / rawRate, unitsPerMessage, writeUnits / options.messages(),
                    readUnits / options.messages(), perMessage.resultFields(""),
                    (double) billed.requests() / options.messages());
            return sent == options.messages() ? 0 : 1;
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
        return new DeliveryRequest(customer(i), "order-status", "shipped", "o-" + i, Purpose.TRANSACTIONAL,
                dev.winback.core.event.MessageCategory.ORDER_UPDATES, List.of(dev.winback.core.event.Channel.SMS), AT, AT.plus(Duration.ofDays(1)),
                Duration.ofHours(4), Map.of());
    }

    private static void rawPublish(SnsClient sns, int i) {
        sns.publish(b -> b.phoneNumber(phone(i)).message("[order-status] message raw-" + i)
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
