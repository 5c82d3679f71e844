package dev.winback.functions.api;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.observe.Observed;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.Campaigns;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.EvaluatorConfig;
import dev.winback.adapters.config.Guardrails;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.config.JulWarnings;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.Policies;
import dev.winback.adapters.config.TemplateSets;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.dynamodb.DynamoDbCustomerData;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.adapters.eventbridge.EventBridgeGuardrailEvents;
import dev.winback.adapters.json.PlaybookLoader;
import dev.winback.adapters.sqs.SqsMessageRequests;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.evaluation.ShowCustomer;
import dev.winback.core.guardrail.GuardrailEvents;
import dev.winback.core.journey.JourneyTransitions;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.outcome.ReportOutcomes;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.privacy.EraseCustomer;
import dev.winback.core.privacy.ExportCustomer;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operator API's object graph: the table, the ingestion pipeline (for {@code POST /v1/events}
 * and the preference writes) feeding the journeys, the operators' journey and catalog use cases,
 * and one route per operator action. The signed-link routes are composed by the public-links
 * function ({@link LinkRoutes}).
 */
public final class HttpApiComposition {

    /**
     * Where journey messages go when no delivery queue is given: nowhere at once. They stay with
     * the customer's journeys and the journeys' timer run hands them over when their lease ends.
     */
    static final MessageRequests HANDED_OVER_BY_THE_TIMER = requests -> Set.of();

    private final RouteTable routes;
    private final Ingestion ingestion;
    private final Observed observed = Observed.fromEnvironment(System.getenv());

    /** On AWS, from the function's environment: journey messages due at once go to the delivery queue. */
    public static HttpApiComposition fromEnvironment() {
        EvaluatorConfig config = EvaluatorConfig.fromEnvironment(System.getenv());
        AwsClients clients = new AwsClients();
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(config.winback(), clients, clock, ElapsedTime.SYSTEM);
        HttpApiComposition composition = new HttpApiComposition(table,
                new SqsMessageRequests(clients.sqs(), config.deliveryQueueUrl()),
                new EventBridgeGuardrailEvents(clients.eventBridge(), config.winback().eventBusName()), clock);
        SnapStartPriming.register("http-api", composition::prime);
        return composition;
    }

    /** Contact hashes with the key ring the environment names (or the local development one). */
    public HttpApiComposition(WinbackConfig config, AwsClients clients, Clock clock) {
        this(config, clients, HANDED_OVER_BY_THE_TIMER, clock);
    }

    /** With journey messages due at once handed to {@code journeyMessages} (the delivery queue). */
    public HttpApiComposition(WinbackConfig config, AwsClients clients, MessageRequests journeyMessages, Clock clock) {
        this(config, clients, journeyMessages, GuardrailEvents.NONE, clock);
    }

    /** With resumptions of paused units told to {@code guardrailEvents} (the bus; locally, the runtime). */
    public HttpApiComposition(WinbackConfig config, AwsClients clients, MessageRequests journeyMessages,
                              GuardrailEvents guardrailEvents, Clock clock) {
        this(new EngagementTable(config, clients, clock), journeyMessages, guardrailEvents, clock);
    }

    /** With the given key ring for contact hashes (erasure's tombstones), as after a key rotation. */
    public HttpApiComposition(WinbackConfig config, AwsClients clients, KeyMaterial keys, Clock clock) {
        this(new EngagementTable(config, clients, clock, keys), HANDED_OVER_BY_THE_TIMER, GuardrailEvents.NONE, clock);
    }

    private HttpApiComposition(EngagementTable table, MessageRequests journeyMessages, GuardrailEvents guardrailEvents,
                               Clock clock) {
        Policies policies = new Policies(table);
        DeliveryPolicy deliveryPolicy = MessageDelivery.policy(EvaluationPolicy.defaults(new PlaybookLoader().shipped()));
        Journeys journeys = new Journeys(table, policies.current(), clock, Journeys.REFRESH, JourneyTransitions.NONE);
        this.ingestion = new Ingestion(table, policies.current(), clock, WriterThreads.newPool(),
                journeys.intake(journeyMessages));
        DynamoDbCustomerData data = new DynamoDbCustomerData(table.clients().dynamoDb(), table.tableName(),
                table.contacts(), table.store().segments());
        PreferencesJsonRoute preferencesAdmin = PreferencesJsonRoute.forAdmin(
                PreferenceUseCases.of(table, ingestion, deliveryPolicy, clock));
        TemplateSets templateSets = new TemplateSets(table);
        Map<String, Route> routes = new HashMap<>(Map.ofEntries(
                Map.entry("POST /v1/events", new PostEventsRoute(ingestion.intake(), observed.metrics())),
                Map.entry("GET /v1/customers/{customerId}", new GetCustomerRoute(new ShowCustomer(table.store(),
                        ingestion.evaluationPolicies(), table.purchaseModels(), new JulWarnings(ShowCustomer.class)))),
                Map.entry("GET /v1/customers/{customerId}/inbox", new GetInboxRoute(new DynamoDbInbox(
                        table.clients().dynamoDb(), table.tableName(), table.meter(), clock,
                        DynamoDbInbox.DEFAULT_TTL))),
                Map.entry(PreferencesJsonRoute.ADMIN_GET, preferencesAdmin),
                Map.entry(PreferencesJsonRoute.ADMIN_PUT, preferencesAdmin),
                Map.entry(PrivacyRoutes.EXPORT, PrivacyRoutes.export(new ExportCustomer(data, clock))),
                Map.entry(PrivacyRoutes.ERASE,
                        PrivacyRoutes.erase(new EraseCustomer(data, table.contacts().hashes(), clock))),
                Map.entry("GET /v1/customers/{customerId}/messages", new GetMessagesRoute(table.messageLedger()))));
        routes.putAll(new JourneyRoutes(journeys.manage(), journeys.format()).byKey());
        routes.put(DryRunRoute.KEY, new DryRunRoute(journeys.dryRun(table), clock));
        routes.putAll(new CatalogRoutes(journeys.manageCatalog()).byKey());
        routes.putAll(new SegmentRoutes(table.manageSegments(), table.segmentMembers(), table.segmentMembers(), clock)
                .byKey());
        routes.putAll(new TemplateRoutes(templateSets.manage(), templateSets.format()).byKey());
        // The playbook and the settings: versions an operator checks, stores, activates and rolls back.
        routes.putAll(DocumentRoutes.playbook(policies.managePlaybook()).byKey());
        routes.putAll(DocumentRoutes.settings(policies.manageSettings()).byKey());
        // Outcomes per unit: the playbook's campaigns and the stored journeys, from the counters.
        // Paused units show why; an operator resumes one.
        Guardrails guardrails = new Guardrails(table, policies.current(), journeys.current(), guardrailEvents, clock);
        routes.put(GetRuleReportRoute.KEY, new GetRuleReportRoute(new ReportOutcomes(table.outcomeCounters()),
                () -> measuredUnits(policies.current().playbook(), journeys), clock, guardrails::states));
        routes.put(ResumeUnitRoute.KEY, new ResumeUnitRoute(guardrails.resume()));
        // One-off campaigns: started and tested here, their members handed over by the send-campaigns schedule.
        routes.putAll(new CampaignRoutes(new Campaigns(table, journeyMessages, policies.current(), clock).manage()).byKey());
        this.routes = new RouteTable(routes);
    }

    /**
     * Before a SnapStart snapshot: the ingestion's priming, then each route family once through the
     * routes: the customer routes on a customer no one has, the operators' lists, and a batch of events
     * the events route refuses unapplied. Reads only; nothing is written.
     */
    public void prime() {
        ingestion.prime();
        String nobody = RoutePriming.unknownCustomer();
        Map<String, String> customer = Map.of("customerId", nobody);
        RoutePriming.prime(routes, List.of(
                RoutePriming.request("POST /v1/events", Map.of(), RoutePriming.REFUSED_EVENTS_BODY),
                RoutePriming.request("GET /v1/customers/{customerId}", customer, null),
                RoutePriming.request("GET /v1/customers/{customerId}/inbox", customer, null),
                RoutePriming.request("GET /v1/customers/{customerId}/messages", customer, null),
                RoutePriming.request(PreferencesJsonRoute.ADMIN_GET, customer, null),
                RoutePriming.request(PrivacyRoutes.EXPORT, customer, null),
                RoutePriming.request(JourneyRoutes.LIST, Map.of(), null),
                RoutePriming.request(TemplateRoutes.LIST, Map.of(), null),
                RoutePriming.request(SegmentRoutes.SHOW, Map.of("segmentId", nobody), null),
                RoutePriming.request(CampaignRoutes.SHOW, Map.of("campaignId", nobody), null)));
    }

    /** Every unit outcomes are measured by: the playbook's campaigns and the journeys stored. */
    private static Collection<String> measuredUnits(Playbook playbook, Journeys journeys) {
        Set<String> units = new TreeSet<>();
        playbook.rules().forEach(rule -> rule.actions().forEach(a -> units.add(a.campaignId())));
        journeys.manage().list().forEach(journey -> units.add(journey.journeyId()));
        return units;
    }

    /** The operator routes by API Gateway route key. */
    public RouteTable routes() {
        return routes;
    }

    public Observed observed() {
        return observed;
    }
}
