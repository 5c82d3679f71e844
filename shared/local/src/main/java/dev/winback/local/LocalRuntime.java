package dev.winback.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.functions.api.HttpApiHandler;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.local.clock.VirtualClock;
import dev.winback.local.dynamodb.LocalDynamoDb;
import dev.winback.local.http.LocalControlRoutes;
import dev.winback.local.http.LocalHttpServer;
import dev.winback.local.log.JsonLog;
import dev.winback.local.schedule.LocalSchedules;
import dev.winback.local.schedule.ScheduleTarget;
import dev.winback.local.schedule.TemplateSchedules;
import dev.winback.local.template.FunctionEnvironment;
import dev.winback.local.template.HttpApiRoutes;
import dev.winback.local.template.SamTemplate;
import dev.winback.local.template.TemplateTables;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root of the local runtime: DynamoDB Local with the template's tables, the SDK
 * clients pointed at it, a virtual clock, the function handlers built exactly as in Lambda (config
 * from the template's environment variables), the template's schedules, and the HTTP API on
 * localhost. Closing it stops everything it started, newest first.
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
    private final String ingestFunctionId;
    private final LocalSchedules schedules;
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
        this.ingestFunctionId = b.ingestFunctionId;
        this.schedules = b.schedules;
        this.server = b.server;
        this.startupMillis = b.startupMillis;
    }

    /**
     * @param template the SAM template (template.yaml at the repository root)
     * @param port     port for the HTTP API on localhost; 0 for any free port
     * @param start    where the virtual clock starts
     */
    public static LocalRuntime start(Path template, int port, Instant start) {
        long began = System.nanoTime();
        Builder b = new Builder();
        try {
            b.template = SamTemplate.read(template);
            // Read everything that can be wrong in the template before starting anything.
            var routes = HttpApiRoutes.from(b.template);
            var scheduleDefinitions = TemplateSchedules.from(b.template);
            Optional<String> httpFunctionId = b.template.functionWithHandler(HttpApiHandler.class);
            Optional<String> ingestFunctionId = b.template.functionWithHandler(IngestEventsHandler.class);

            LocalDynamoDb dynamoDb = LocalDynamoDb.start();
            b.started.push(dynamoDb);
            b.clients = new AwsClients();
            b.started.push(b.clients);
            b.tables = Map.copyOf(TemplateTables.create(b.template, b.clients.dynamoDb()));
            b.config = WinbackConfig.fromEnvironment(
                    FunctionEnvironment.resolve(b.template, httpFunctionId.or(() -> ingestFunctionId),
                            localNames(b.template, b.tables)));
            b.clock = new VirtualClock(start);
            b.ingest = new IngestEventsHandler(b.config, b.clients, b.clock);
            b.httpApi = new HttpApiHandler(b.config, b.clients, b.clock);
            b.ingestFunctionId = ingestFunctionId.orElse(IngestEventsHandler.class.getSimpleName());
            // Scheduled functions get an invoker here as they are written.
            Map<String, ScheduleTarget> scheduleTargets = Map.of();
            b.schedules = new LocalSchedules(scheduleDefinitions, scheduleTargets, b.clock);
            Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> httpFunctions =
                    new LinkedHashMap<>();
            httpFunctionId.ifPresent(id -> httpFunctions.put(id, b.httpApi));
            b.server = LocalHttpServer.start(port, routes, httpFunctions,
                    new LocalControlRoutes(b.clock, b.schedules::tick), b.clock);
            b.started.push(b.server);
            b.startupMillis = (System.nanoTime() - began) / 1_000_000;
            LOG.info("runtime.started", "millis", b.startupMillis, "dynamoDbPort", dynamoDb.port(),
                    "httpPort", b.server.port(), "tables", b.tables, "routes", routes.size(),
                    "schedules", scheduleDefinitions.size(), "clock", start.toString());
            return new LocalRuntime(b);
        } catch (RuntimeException e) {
            closeAll(b.started, e);
            throw e;
        }
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
        String ingestFunctionId;
        LocalSchedules schedules;
        LocalHttpServer server;
        long startupMillis;
    }
}
