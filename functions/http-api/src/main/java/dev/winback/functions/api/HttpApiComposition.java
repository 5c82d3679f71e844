package dev.winback.functions.api;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.JulWarnings;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.TemplateSets;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.dynamodb.DynamoDbCustomerData;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.core.evaluation.ShowCustomer;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.privacy.EraseCustomer;
import dev.winback.core.privacy.ExportCustomer;

import java.time.Clock;
import java.util.Map;

/**
 * The operator API's object graph: the table, the ingestion pipeline (for {@code POST /v1/events}
 * and the preference writes) and one route per operator action. The signed-link routes are composed
 * by the public-links function ({@link LinkRoutes}).
 */
public final class HttpApiComposition {

    private final RouteTable routes;

    /** On AWS, from the function's environment. */
    public static HttpApiComposition fromEnvironment() {
        return new HttpApiComposition(WinbackConfig.fromEnvironment(System.getenv()), new AwsClients(),
                Clock.systemUTC());
    }

    /** Contact hashes with the key ring the environment names (or the local development one). */
    public HttpApiComposition(WinbackConfig config, AwsClients clients, Clock clock) {
        this(new EngagementTable(config, clients, clock), clock);
    }

    /** With the given key ring for contact hashes (erasure's tombstones), as after a key rotation. */
    public HttpApiComposition(WinbackConfig config, AwsClients clients, KeyMaterial keys, Clock clock) {
        this(new EngagementTable(config, clients, clock, keys), clock);
    }

    private HttpApiComposition(EngagementTable table, Clock clock) {
        Ingestion ingestion = new Ingestion(table, clock, WriterThreads.newPool());
        DynamoDbCustomerData data = new DynamoDbCustomerData(table.clients().dynamoDb(), table.tableName(),
                table.contacts());
        PreferencesJsonRoute preferencesAdmin = PreferencesJsonRoute.forAdmin(
                PreferenceUseCases.of(table, ingestion, MessageDelivery.policy(ingestion), clock));
        TemplateSets templateSets = new TemplateSets(table, clock);
        Map<String, Route> templates = new TemplateRoutes(templateSets.manage(), templateSets.format()).byKey();
        this.routes = new RouteTable(Map.ofEntries(
                Map.entry("POST /v1/events", new PostEventsRoute(ingestion.intake())),
                Map.entry("GET /v1/customers/{customerId}", new GetCustomerRoute(new ShowCustomer(table.store(),
                        ingestion.evaluationPolicy(), table.purchaseModels(), new JulWarnings(ShowCustomer.class)))),
                Map.entry("GET /v1/customers/{customerId}/inbox", new GetInboxRoute(new DynamoDbInbox(
                        table.clients().dynamoDb(), table.tableName(), table.meter(), clock,
                        DynamoDbInbox.DEFAULT_TTL))),
                Map.entry(PreferencesJsonRoute.ADMIN_GET, preferencesAdmin),
                Map.entry(PreferencesJsonRoute.ADMIN_PUT, preferencesAdmin),
                Map.entry(PrivacyRoutes.EXPORT, PrivacyRoutes.export(new ExportCustomer(data, clock))),
                Map.entry(PrivacyRoutes.ERASE,
                        PrivacyRoutes.erase(new EraseCustomer(data, table.contacts().hashes(), clock))),
                Map.entry("GET /v1/customers/{customerId}/messages", new GetMessagesRoute(table.messageLedger())),
                // Message templates (TemplateRoutes).
                Map.entry(TemplateRoutes.LIST, templates.get(TemplateRoutes.LIST)),
                Map.entry(TemplateRoutes.SHOW, templates.get(TemplateRoutes.SHOW)),
                Map.entry(TemplateRoutes.VALIDATE, templates.get(TemplateRoutes.VALIDATE)),
                Map.entry(TemplateRoutes.SUBMIT, templates.get(TemplateRoutes.SUBMIT)),
                Map.entry(TemplateRoutes.ACTIVATE, templates.get(TemplateRoutes.ACTIVATE)),
                Map.entry(TemplateRoutes.ROLLBACK, templates.get(TemplateRoutes.ROLLBACK))));
    }

    /** The operator routes by API Gateway route key. */
    public RouteTable routes() {
        return routes;
    }
}
