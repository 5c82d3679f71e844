package dev.winback.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.ChannelsConfig;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.HoldoutConfig;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.config.Policies;
import dev.winback.adapters.config.TemplateSets;
import dev.winback.core.ingest.StoredEventsListener;
import dev.winback.core.settings.CurrentPolicies;
import dev.winback.functions.journeys.AdvanceJourneysComposition;
import dev.winback.functions.journeys.AdvanceJourneysHandler;
import dev.winback.functions.campaigns.SendCampaignsComposition;
import dev.winback.functions.campaigns.SendCampaignsHandler;
import dev.winback.adapters.config.Campaigns;
import dev.winback.adapters.dynamodb.DynamoDbListedSegments;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbCustomerSample;
import dev.winback.adapters.dynamodb.DynamoDbHoldoutKey;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.core.evaluation.Destination;
import dev.winback.functions.api.HttpApiHandler;
import dev.winback.functions.deliver.DeliveryComposition;
import dev.winback.functions.deliver.ResumeDueMessagesHandler;
import dev.winback.functions.evaluate.EvaluateCustomersComposition;
import dev.winback.functions.evaluate.EvaluateCustomersHandler;
import dev.winback.functions.fit.FitPurchaseModelComposition;
import dev.winback.functions.fit.FitPurchaseModelHandler;
import dev.winback.functions.ingest.IngestEventsComposition;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.functions.links.PublicLinksHandler;
import dev.winback.functions.cdp.CdpIngestComposition;
import dev.winback.functions.cdp.CdpIngestHandler;
import dev.winback.adapters.config.CdpWriteKeys;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.local.runtime.clock.RunClock;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.dynamodb.DueIndexWrites;
import dev.winback.local.runtime.dynamodb.EarliestDue;
import dev.winback.local.runtime.dynamodb.EmbeddedDynamoDb;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import dev.winback.local.runtime.http.LocalControlRoutes;
import dev.winback.local.runtime.http.LocalHttpServer;
import dev.winback.local.runtime.lambda.LocalLambdaContext;
import dev.winback.local.runtime.log.JsonLog;
import dev.winback.local.runtime.delivery.LocalDelivery;
import dev.winback.local.runtime.publish.InMemoryActionPublisher;
import dev.winback.local.runtime.publish.InMemoryGuardrailEvents;
import dev.winback.local.runtime.schedule.LocalSchedules;
import dev.winback.local.runtime.schedule.ScheduleTarget;
import dev.winback.local.runtime.schedule.ScheduledRun;
import dev.winback.local.runtime.schedule.TemplateSchedules;
import dev.winback.local.runtime.template.FunctionEnvironment;
import dev.winback.local.runtime.template.HttpApiRoutes;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * The composition root of the local runtime: DynamoDB Local with the template's tables, the SDK
 * clients pointed at it, a virtual clock, the function handlers built exactly as in Lambda (config
 * from the template's environment variables), the template's schedules, and the HTTP API on
 * localhost. Closing it stops everything it started, newest first.
 *
 * <p>The scheduled functions (the evaluator, the purchase-model fit, the resumer) run when
 * {@code POST /local/tick} or {@link LocalSchedules#tick()} finds them due on the virtual clock, each
 * firing at its own time. The evaluator publishes to
 * in-memory stand-ins for the event bus and the delivery queue ({@link #actionEvents()},
 * {@link #deliveryRequests()}).
 */
public final class LocalRuntime implements AutoCloseable {

    /** The event bus name the handlers see; nothing listens on it locally. */
    public static final String LOCAL_EVENT_BUS = "winback-local";
    static final String EVENT_BUS_TYPE = "AWS::Events::EventBus";
    private static final JsonLog LOG = JsonLog.of(LocalRuntime.class);

    private final Deque<AutoCloseable> started;
    private final SamTemplate template;
    private final Map<String, String> tables;
    private final WinbackConfig config;
    private final AwsClients clients;
    private final VirtualClock clock;
    private final IngestEventsHandler ingest;
    private final HttpApiHandler httpApi;
    private final EvaluateCustomersHandler evaluate;
    private final FitPurchaseModelHandler fit;
    private final InMemoryActionPublisher actionEvents;
    private final InMemoryActionPublisher deliveryRequests;
    private final InMemoryGuardrailEvents guardrailEvents;
    private final LocalDelivery delivery;
    private final Journeys journeys;
    private final JourneyTally journeyTally;
    private final String ingestFunctionId;
    private final LocalSchedules schedules;
    private final DynamoDbListedSegments segments;
    private final SendCampaignsComposition campaigns;
    private final LocalHttpServer server;
    private final long startupMillis;

    private LocalRuntime(Builder b) {
        this.started = b.started;
        this.template = b.template;
        this.tables = b.tables;
        this.config = b.config;
        this.clients = b.clients;
        this.clock = b.clock;
        this.ingest = b.ingest;
        this.httpApi = b.httpApi;
        this.evaluate = b.evaluate;
        this.fit = b.fit;
        this.actionEvents = b.actionEvents;
        this.deliveryRequests = b.deliveryRequests;
        this.guardrailEvents = b.guardrailEvents;
        this.delivery = b.delivery;
        this.journeys = b.journeys;
        this.journeyTally = b.journeyTally;
        this.ingestFunctionId = b.ingestFunctionId;
        this.schedules = b.schedules;
        this.segments = b.segments;
        this.campaigns = b.campaigns;
        this.server = b.server;
        this.startupMillis = b.startupMillis;
    }

    /** How the runtime's DynamoDB Local is reached. */
    public enum DynamoDbAccess {
        /** An HTTP server on a free port, through the SDK's own client: what the tests and {@code serve} use. */
        HTTP,
        /** In-process, without HTTP ({@link EmbeddedDynamoDb}): the demo, where requests are most of the work. */
        EMBEDDED
    }

    /** The runtime with DynamoDB Local over HTTP. */
    public static LocalRuntime start(Path template, int port, Instant start) {
        return start(template, port, start, DynamoDbAccess.HTTP);
    }

    /**
     * @param template the SAM template (template.yaml at the repository root)
     * @param port     port for the HTTP API on localhost; 0 for any free port
     * @param start    where the virtual clock starts
     */
    public static LocalRuntime start(Path template, int port, Instant start, DynamoDbAccess access) {
        return start(template, port, start, access, LocalSchedules.DEFAULT_RUNS_PER_SCHEDULE);
    }

    /**
     * @param runsPerTick how many firings of one schedule a tick runs at their own times at most; the
     *                    rest are folded into the last (each run catches up with everything due)
     */
    public static LocalRuntime start(Path template, int port, Instant start, DynamoDbAccess access, int runsPerTick) {
        return start(template, port, start, access, runsPerTick, System.getenv());
    }

    /** The runtime with DynamoDB Local over HTTP and these holdouts ({@link HoldoutShares#NONE} for tests not about them). */
    public static LocalRuntime start(Path template, int port, Instant start, HoldoutShares holdouts) {
        return start(template, port, start, DynamoDbAccess.HTTP, LocalSchedules.DEFAULT_RUNS_PER_SCHEDULE,
                System.getenv(), holdouts);
    }

    /**
     * @param env what delivery reads of the environment (the SNS emulator, a local webhook receiver,
     *            the holdout shares)
     */
    public static LocalRuntime start(Path template, int port, Instant start, DynamoDbAccess access, int runsPerTick,
                                     Map<String, String> env) {
        return start(template, port, start, access, runsPerTick, env, HoldoutConfig.fromEnvironment(env));
    }

    /** @param holdouts the shares delivery withholds, as the deliver function reads them from its environment */
    public static LocalRuntime start(Path template, int port, Instant start, DynamoDbAccess access, int runsPerTick,
                                     Map<String, String> env, HoldoutShares holdouts) {
        long began = System.nanoTime();
        Builder b = new Builder();
        try {
            b.template = SamTemplate.read(template);
            // Read everything that can be wrong in the template before starting anything.
            var routes = HttpApiRoutes.from(b.template);
            var scheduleDefinitions = TemplateSchedules.from(b.template);
            Optional<String> httpFunctionId = b.template.functionWithHandler(HttpApiHandler.class);
            Optional<String> linksFunctionId = b.template.functionWithHandler(PublicLinksHandler.class);
            Optional<String> cdpFunctionId = b.template.functionWithHandler(CdpIngestHandler.class);
            Optional<String> ingestFunctionId = b.template.functionWithHandler(IngestEventsHandler.class);
            Optional<String> evaluateFunctionId = b.template.functionWithHandler(EvaluateCustomersHandler.class);
            Optional<String> fitFunctionId = b.template.functionWithHandler(FitPurchaseModelHandler.class);
            Optional<String> advanceFunctionId = b.template.functionWithHandler(AdvanceJourneysHandler.class);
            Optional<String> resumeFunctionId = b.template.functionWithHandler(ResumeDueMessagesHandler.class);
            Optional<String> campaignsFunctionId = b.template.functionWithHandler(SendCampaignsHandler.class);

            String dynamoDbAt;
            // The embedded client hands over every write, so the schedules' idle checks can keep their readings.
            Optional<DueIndexWrites> dueWrites = access == DynamoDbAccess.EMBEDDED
                    ? Optional.of(new DueIndexWrites()) : Optional.empty();
            if (access == DynamoDbAccess.EMBEDDED) {
                EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start(dueWrites.get());
                b.started.push(dynamoDb);
                b.clients = new AwsClients(dynamoDb.client());
                dynamoDbAt = "embedded";
            } else {
                LocalDynamoDb dynamoDb = LocalDynamoDb.start();
                b.started.push(dynamoDb);
                b.clients = new AwsClients();
                dynamoDbAt = dynamoDb.endpoint().toString();
            }
            b.started.push(b.clients);
            b.tables = Map.copyOf(TemplateTables.create(b.template, b.clients.dynamoDb()));
            b.config = WinbackConfig.fromEnvironment(
                    FunctionEnvironment.resolve(b.template, httpFunctionId.or(() -> ingestFunctionId),
                            localNames(b.template, b.tables)));
            b.clock = new VirtualClock(start);
            // One pool of writer threads for every function of this process, as one Lambda environment has.
            ExecutorService writers = WriterThreads.newPool();
            b.started.push(writers::shutdown);
            b.ingestFunctionId = ingestFunctionId.orElse(IngestEventsHandler.class.getSimpleName());
            // The scheduled functions and delivery see each firing's time during a tick; the API keeps "now".
            RunClock runClock = new RunClock(b.clock);
            // Every table here follows its virtual clock for the definitions and settings read on a timer
            // too: an operator's change reaches the other functions a virtual minute later, as in AWS a minute later.
            EngagementTable scheduled = new EngagementTable(b.config, b.clients, runClock);
            // The playbook and settings an operator activated, read again a minute after on the virtual clock, as in AWS.
            CurrentPolicies policies = new Policies(scheduled).current();
            Ingestion scheduledIngestion = new Ingestion(scheduled, policies, runClock, writers, StoredEventsListener.NONE);
            b.actionEvents = new InMemoryActionPublisher();
            b.deliveryRequests = new InMemoryActionPublisher();
            // The delivery queue's consumer runs in this process: each request is delivered as it is published.
            // A fixed key locally, so that the same seed holds out the same customers on every run.
            DynamoDbHoldoutKey.storeIfAbsent(b.clients.dynamoDb(), b.config.tableName(), new CapacityMeter(),
                    DynamoDbHoldoutKey.LOCAL_DEVELOPMENT_KEY);
            b.delivery = new LocalDelivery(new MessageDelivery(scheduled, scheduledIngestion, policies, holdouts, runClock,
                    TemplateSets.REFRESH), new DynamoDbInbox(b.clients.dynamoDb(), b.config.tableName(),
                    scheduled.meter(), runClock, ChannelsConfig.DEFAULT_INBOX_TTL), runClock, env);
            b.started.push(b.delivery);
            LocalDelivery delivery = b.delivery;
            b.httpApi = HttpApiHandler.local(b.config, b.clients, delivery.journeyMessages(), b.guardrailEvents, b.clock);
            // Ingestion feeds the journeys, whose messages due at once are delivered at once, as in AWS.
            EngagementTable ingestTable = new EngagementTable(b.config, b.clients, b.clock);
            CurrentPolicies ingestPolicies = new Policies(ingestTable).current();
            Journeys ingestJourneys = new Journeys(ingestTable, ingestPolicies, b.clock, Journeys.REFRESH, b.journeyTally);
            IngestEventsComposition ingestion = new IngestEventsComposition(new Ingestion(ingestTable,
                    ingestPolicies, b.clock, writers,
                    ingestJourneys.intake(delivery.journeyMessages())));
            b.ingest = new IngestEventsHandler(ingestion);
            b.journeys = new Journeys(scheduled, policies, runClock, Journeys.REFRESH, b.journeyTally);
            AdvanceJourneysHandler advance = new AdvanceJourneysHandler(new AdvanceJourneysComposition(scheduled,
                    b.journeys, delivery.journeyMessages(), runClock, writers));
            InMemoryActionPublisher deliveryRequests = b.deliveryRequests;
            EvaluateCustomersHandler evaluate = new EvaluateCustomersHandler(new EvaluateCustomersComposition(scheduled,
                    policies, Map.of(
                    Destination.EVENT_BUS, b.actionEvents, Destination.DELIVERY_QUEUE, requests -> {
                        deliveryRequests.publish(requests);
                        return delivery.publish(requests);
                    }), b.guardrailEvents, runClock, writers));
            ResumeDueMessagesHandler resume = new ResumeDueMessagesHandler(new DeliveryComposition(delivery.delivery()));
            FitPurchaseModelHandler fit = new FitPurchaseModelHandler(new FitPurchaseModelComposition(scheduled, runClock,
                    writers));
            // One-off campaigns read listed segments, or the membership a definition keeps, and hand
            // their messages to the in-process delivery.
            b.segments = Campaigns.listedMembers(scheduled);
            b.campaigns = new SendCampaignsComposition(scheduled,
                    new ListedOrMaintainedSegments(b.segments, scheduled.segmentMembers()), delivery.journeyMessages(),
                    policies, runClock);
            SendCampaignsHandler sendCampaigns = new SendCampaignsHandler(b.campaigns);
            var campaignStore = new Campaigns(scheduled, delivery.journeyMessages(), policies, runClock).store();
            b.evaluate = evaluate;
            b.fit = fit;
            Map<String, ScheduleTarget> scheduleTargets = new LinkedHashMap<>();
            // The evaluator and the resumer only act on what the due-time index holds, so a tick skips
            // their firings before its earliest timer.
            String table = b.config.tableName();
            EarliestDue evaluationDue = new EarliestDue(b.clients.dynamoDb(), table, Keys::dueShard,
                    Keys.EVALUATION_DUE_SHARDS, dueWrites, b.clock::instant);
            EarliestDue journeyDue = new EarliestDue(b.clients.dynamoDb(), table, Keys::journeyDueShard,
                    Keys.DUE_SHARDS, dueWrites, b.clock::instant);
            EarliestDue messageDue = new EarliestDue(b.clients.dynamoDb(), table, Keys::messageDueShard,
                    Keys.DUE_SHARDS, dueWrites, b.clock::instant);
            evaluateFunctionId.ifPresent(id -> scheduleTargets.put(id, ScheduleTarget.skippingIdle(
                    run -> evaluate.handleRequest(scheduledEvent(run), LocalLambdaContext.invoking(id)),
                    evaluationDue)));
            advanceFunctionId.ifPresent(id -> scheduleTargets.put(id, ScheduleTarget.skippingIdle(
                    run -> advance.handleRequest(scheduledEvent(run), LocalLambdaContext.invoking(id)),
                    journeyDue)));
            fitFunctionId.ifPresent(id -> scheduleTargets.put(id,
                    run -> fit.handleRequest(scheduledEvent(run), LocalLambdaContext.invoking(id))));
            resumeFunctionId.ifPresent(id -> scheduleTargets.put(id, ScheduleTarget.skippingIdle(
                    run -> resume.handleRequest(scheduledEvent(run), LocalLambdaContext.invoking(id)),
                    messageDue)));
            // The sender acts only while some campaign is active.
            campaignsFunctionId.ifPresent(id -> scheduleTargets.put(id, ScheduleTarget.skippingIdle(
                    run -> sendCampaigns.handleRequest(scheduledEvent(run), LocalLambdaContext.invoking(id)),
                    () -> campaignStore.active().isEmpty() ? Optional.empty() : Optional.of(Instant.MIN))));
            b.schedules = new LocalSchedules(scheduleDefinitions, scheduleTargets, runClock,
                    LocalSchedules.DEFAULT_FIRINGS_PER_SCHEDULE, runsPerTick);
            Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> httpFunctions =
                    new LinkedHashMap<>();
            httpFunctionId.ifPresent(id -> httpFunctions.put(id, b.httpApi));
            PublicLinksHandler links = PublicLinksHandler.local(b.config, b.clients, b.clock);
            linksFunctionId.ifPresent(id -> httpFunctions.put(id, links));
            // CDP messages go straight to the ingestion, where in AWS they go through the ingest queue.
            CdpIngestHandler cdp = new CdpIngestHandler(new CdpIngestComposition(b.config, b.clients,
                    CdpWriteKeys.localDevelopment(), events -> ingestion.intake().apply(events).stream()
                    .map(result -> !(result instanceof IntakeResult.Retry)).toList(), b.clock));
            cdpFunctionId.ifPresent(id -> httpFunctions.put(id, cdp));
            b.server = LocalHttpServer.start(port, routes, httpFunctions,
                    new LocalControlRoutes(b.clock, b.schedules::tick, delivery.outbox()::json), b.clock);
            b.started.push(b.server);
            b.startupMillis = (System.nanoTime() - began) / 1_000_000;
            LOG.info("runtime.started", "millis", b.startupMillis, "dynamoDb", dynamoDbAt,
                    "httpPort", b.server.port(), "tables", b.tables, "routes", routes.size(),
                    "schedules", scheduleDefinitions.size(), "clock", start.toString());
            return new LocalRuntime(b);
        } catch (RuntimeException e) {
            closeAll(b.started, e);
            throw e;
        }
    }

    /** The event EventBridge would deliver for a schedule's firing. */
    private static ScheduledEvent scheduledEvent(ScheduledRun run) {
        ScheduledEvent event = new ScheduledEvent();
        event.setId("local-" + run.schedule().id() + "-" + run.scheduledAt().toEpochMilli());
        event.setSource("aws.events");
        event.setDetailType("Scheduled Event");
        event.setAccount(LocalLambdaContext.ACCOUNT_ID);
        event.setRegion(LocalLambdaContext.REGION);
        event.setTime(new DateTime(run.scheduledAt().toEpochMilli(), DateTimeZone.UTC));
        event.setResources(List.of("arn:aws:events:" + LocalLambdaContext.REGION + ":" + LocalLambdaContext.ACCOUNT_ID
                + ":rule/" + run.schedule().id()));
        event.setDetail(Map.of());
        return event;
    }

    /** Local names of the resources the runtime stands in for: tables as created, the event bus. */
    private static Map<String, String> localNames(SamTemplate template, Map<String, String> tables) {
        Map<String, String> names = new LinkedHashMap<>(tables);
        List<String> buses = List.copyOf(template.resourcesOfType(EVENT_BUS_TYPE).keySet());
        for (String bus : buses) {
            names.put(bus, buses.size() == 1 ? LOCAL_EVENT_BUS
                    : LOCAL_EVENT_BUS + "-" + TemplateTables.physicalName(bus));
        }
        return names;
    }

    public SamTemplate template() {
        return template;
    }

    /** Logical id of each table to its local name. */
    public Map<String, String> tables() {
        return tables;
    }

    public WinbackConfig config() {
        return config;
    }

    public AwsClients clients() {
        return clients;
    }

    public VirtualClock clock() {
        return clock;
    }

    public IngestEventsHandler ingest() {
        return ingest;
    }

    /** The ingest function's logical id, the name its invocations carry. */
    /**
     * The ingest function's SQS BatchSize in the template, so that the local feed batches as the
     * deployed poller would; 10, SQS's default, when the template sets none.
     */
    public int ingestBatchSize() {
        JsonNode events = template.functionProperty(ingestFunctionId, "Events");
        if (events != null) {
            for (JsonNode event : events) {
                if ("SQS".equals(event.path("Type").asText())) {
                    return event.path("Properties").path("BatchSize").asInt(10);
                }
            }
        }
        return 10;
    }

    public String ingestFunctionId() {
        return ingestFunctionId;
    }

    public HttpApiHandler httpApi() {
        return httpApi;
    }

    public LocalSchedules schedules() {
        return schedules;
    }

    /**
     * The segments one-off campaigns read locally as fixed lists of customer ids; a segment not
     * listed here is read from the membership its definition keeps, as deployed.
     */
    public DynamoDbListedSegments segments() {
        return segments;
    }

    /** The campaign sender as its schedule invokes it (a test runs it with a budget of its own). */
    public SendCampaignsComposition campaigns() {
        return campaigns;
    }

    /** The evaluator as its schedule invokes it. */
    public EvaluateCustomersHandler evaluateCustomers() {
        return evaluate;
    }

    /** The purchase-model fit as its schedule invokes it. */
    public FitPurchaseModelHandler fitPurchaseModel() {
        return fit;
    }

    /** What the evaluator published to the (local stand-in of the) event bus. */
    public InMemoryActionPublisher actionEvents() {
        return actionEvents;
    }

    /** The guardrails' RulePaused and RuleResumed events, as the bus would have them. */
    public InMemoryGuardrailEvents guardrailEvents() {
        return guardrailEvents;
    }

    /** The in-process delivery: its outbox and the tally of its decisions. */
    public LocalDelivery delivery() {
        return delivery;
    }

    /** What the evaluator sent to the (local stand-in of the) delivery queue. */
    /** The journeys the scheduled functions run (the store, the current definitions, the operator use case). */
    public Journeys journeys() {
        return journeys;
    }

    /** What the journeys stored, from ingestion and the timer: entries, steps sent, exits by reason. */
    public JourneyTally journeyTally() {
        return journeyTally;
    }

    public InMemoryActionPublisher deliveryRequests() {
        return deliveryRequests;
    }

    /**
     * Reads every stored record (a Scan: local use only) and sums up what the evaluator concluded:
     * customers by state and by signal, actions by type, and example explanations.
     */
    public EvaluationSummary evaluationSummary() {
        DynamoDbCustomerSample scan = new DynamoDbCustomerSample(clients.dynamoDb(), config.tableName(),
                new CapacityMeter(), 4, ForkJoinPool.commonPool());
        return EvaluationSummary.of(scan.records(Integer.MAX_VALUE), actionEvents.published());
    }

    public LocalHttpServer server() {
        return server;
    }

    public long startupMillis() {
        return startupMillis;
    }

    @Override
    public void close() {
        closeAll(started, null);
    }

    private static void closeAll(Deque<AutoCloseable> started, RuntimeException failure) {
        RuntimeException first = failure;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("the local runtime did not stop cleanly", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (failure == null && first != null) {
            throw first;
        }
    }

    /** What start() has built so far, so a failure half-way can close exactly that. */
    private static final class Builder {
        final Deque<AutoCloseable> started = new ArrayDeque<>();
        SamTemplate template;
        Map<String, String> tables;
        WinbackConfig config;
        AwsClients clients;
        VirtualClock clock;
        IngestEventsHandler ingest;
        HttpApiHandler httpApi;
        EvaluateCustomersHandler evaluate;
        FitPurchaseModelHandler fit;
        InMemoryActionPublisher actionEvents;
        InMemoryActionPublisher deliveryRequests;
        final InMemoryGuardrailEvents guardrailEvents = new InMemoryGuardrailEvents();
        Journeys journeys;
        final JourneyTally journeyTally = new JourneyTally();
        LocalDelivery delivery;
        String ingestFunctionId;
        LocalSchedules schedules;
        DynamoDbListedSegments segments;
        SendCampaignsComposition campaigns;
        LocalHttpServer server;
        long startupMillis;
    }
}
