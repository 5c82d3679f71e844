package dev.winback.local.e2e;

import dev.winback.adapters.audience.AudienceObjects;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;

import dev.winback.adapters.config.Imports;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.Policies;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.TemplateVariables;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.guardrail.GuardrailEvents;
import dev.winback.core.journey.JourneyTransitions;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.core.settings.CurrentPolicies;
import dev.winback.functions.api.HttpApiComposition;
import dev.winback.functions.audience.ExportAudienceComposition;
import dev.winback.functions.campaigns.SendCampaignsComposition;
import dev.winback.functions.deliver.DeliveryComposition;
import dev.winback.functions.evaluate.EvaluateCustomersComposition;
import dev.winback.functions.feedback.FeedbackComposition;
import dev.winback.functions.fit.FitPurchaseModelComposition;
import dev.winback.functions.journeys.AdvanceJourneysComposition;
import dev.winback.functions.links.PublicLinksComposition;
import dev.winback.local.runtime.dynamodb.DynamoDbCallObserver;
import dev.winback.local.runtime.dynamodb.ObservingInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function's SnapStart priming, run as a checkpoint runs it, over DynamoDB Local through a
 * client that sees every request: each step reads (it is not vacuous), writes nothing that
 * succeeded (a refused conditional write is the only write allowed), and calls no queue, bus,
 * bucket or provider.
 */
class SnapStartPrimingIT {

    private static final Set<String> READS = Set.of(GetItemRequest.class.getSimpleName(),
            BatchGetItemRequest.class.getSimpleName(), QueryRequest.class.getSimpleName(),
            ScanRequest.class.getSimpleName());

    private final IngestFixture fixture = IngestFixture.get();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);
    /** Requests that succeeded, by type (GetItemRequest...). */
    private final List<String> succeeded = new CopyOnWriteArrayList<>();
    /** Anything handed to a queue, the bus, a bucket or a provider. */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new ObservingInterceptor(new DynamoDbCallObserver() {
                @Override
                public void succeeded(DynamoDbRequest request, DynamoDbResponse response) {
                    succeeded.add(request.getClass().getSimpleName());
                }

                @Override
                public void failed(DynamoDbRequest request, Throwable failure) {
                }
            })))
            .build();
    private final AwsClients clients = new AwsClients(dynamoDb);
    private final EngagementTable table = new EngagementTable(fixture.config, clients, clock);
    private final Ingestion ingestion = new Ingestion(table, clock, fixture.writers);
    private final MessageRequests queue = requests -> {
        sent.add("delivery queue");
        return Set.of();
    };

    @AfterEach
    void close() {
        dynamoDb.close();
    }

    @Test
    void ingestion_primedTwice_asASecondSnapshotWould() {
        assertReadsOnly("ingestion", () -> {
            ingestion.prime();
            ingestion.prime();
        });
    }

    @Test
    void httpApi_primesEveryRouteFamily() {
        assertReadsOnly("http-api", new HttpApiComposition(fixture.config, clients, queue, GuardrailEvents.NONE, clock)::prime);
    }

    @Test
    void publicLinks() {
        assertReadsOnly("public-links", PublicLinksComposition.local(fixture.config, clients, clock)::prime);
    }

    @Test
    void evaluator() {
        CurrentPolicies policies = new Policies(table).current();
        ActionPublisher refused = actions -> {
            sent.add("action publisher");
            return Set.of();
        };
        assertReadsOnly("evaluate-customers", new EvaluateCustomersComposition(table, policies,
                Map.of(Destination.EVENT_BUS, refused, Destination.DELIVERY_QUEUE, refused),
                GuardrailEvents.NONE, clock, fixture.writers)::prime);
    }

    @Test
    void journeysTimer() {
        Journeys journeys = new Journeys(table, new Policies(table).current(), clock, Journeys.REFRESH,
                JourneyTransitions.NONE);
        assertReadsOnly("advance-journeys",
                new AdvanceJourneysComposition(table, journeys, queue, clock, fixture.writers)::prime);
    }

    @Test
    void campaignSender() {
        assertReadsOnly("send-campaigns", new SendCampaignsComposition(table, table.segmentMembers(), queue,
                new Policies(table).current(), clock)::prime);
    }

    @Test
    void fit_readsNothingEither() {
        new FitPurchaseModelComposition(table, clock, fixture.writers).prime();
        assertThat(succeeded).as("the fit's priming runs in memory").isEmpty();
    }

    @Test
    void audienceExport() {
        AudienceObjects bucket = new AudienceObjects() {
            @Override
            public void put(String key, byte[] body, String contentType) {
                sent.add("audience bucket");
            }

            @Override
            public void put(String key, Path file, String contentType) {
                sent.add("audience bucket");
            }
        };
        assertReadsOnly("export-audience",
                new ExportAudienceComposition(table.segmentMembers(), table.store(), bucket, clock)::prime);
    }

    @Test
    void pinpointImport() {
        assertReadsOnly("import-pinpoint", new Imports(table, ingestion, clock)::prime);
    }

    @Test
    void feedback() {
        assertReadsOnly("process-feedback", new FeedbackComposition(table, ingestion, arn -> {
            sent.add("SNS endpoint lookup");
            return Optional.empty();
        }, (to, from, text) -> sent.add("SMS reply"), reply -> sent.add("reply event"),
                new DynamoDbOnce(dynamoDb, fixture.config.tableName(), clock), clock)::prime);
    }

    @Test
    void delivery_rendersWithSignedLinks_andSendsNothing() {
        MessageDelivery messages = new MessageDelivery(table, ingestion, clock, HoldoutShares.NONE);
        MessageComposer composer = DeliveryComposition.composer(messages.templates(),
                new TemplateVariables.Brand("Demo Shop", URI.create("https://shop.example")),
                LinkConfig.localDevelopment(URI.create("https://links.example")), clock);
        DeliverMessages delivery = messages.deliverMessages(List.of(), composer,
                (entry, decisions) -> sent.add("decision"));
        assertReadsOnly("deliver-messages", () -> new DeliveryComposition(delivery).prime(ingestion, composer, clock));
    }

    private void assertReadsOnly(String function, Runnable prime) {
        prime.run();
        assertThat(succeeded).as("%s's priming reads the table", function).anyMatch(READS::contains);
        assertThat(succeeded).as("%s's priming writes nothing", function).allMatch(READS::contains);
        assertThat(sent).as("%s's priming calls no queue, bus, bucket or provider", function).isEmpty();
    }
}
