package dev.winback.functions.cdp;

import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.CdpWriteKeys;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.IngestConfig;
import dev.winback.adapters.config.JulWarnings;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.DynamoDbCustomerLinks;
import dev.winback.adapters.dynamodb.RejectedEvents;
import dev.winback.adapters.sqs.SqsEventQueue;
import dev.winback.core.cdp.EventQueue;
import dev.winback.core.cdp.IngestCdpMessages;
import dev.winback.core.links.KeyMaterial;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CDP function's object graph: the write keys, the links of anonymous customers and their
 * records (read to fold them), the rejected-event log, and the queue the events go to.
 */
public final class CdpIngestComposition {

    public static final String INGEST_QUEUE_URL = "WINBACK_INGEST_QUEUE_URL";
    /** The function hashes no contact address, so it holds no link key (and may not read it). */
    private static final KeyMaterial NO_KEYS = new KeyMaterial(() -> {
        throw new IllegalStateException("the CDP function hashes no contact address");
    });

    private final EngagementTable table;
    private final CdpRoute route;

    /** On AWS: configuration from the environment (the write keys are read on first use), events to the ingest queue. */
    public static CdpIngestComposition fromEnvironment() {
        Map<String, String> env = System.getenv();
        String queueUrl = env.get(INGEST_QUEUE_URL);
        List<String> missing = new ArrayList<>();
        if (queueUrl == null || queueUrl.isBlank()) missing.add(INGEST_QUEUE_URL);
        if (!missing.isEmpty()) throw new IllegalStateException("missing environment variables: " + String.join(", ", missing));
        AwsClients clients = new AwsClients();
        Clock clock = Clock.systemUTC();
        CdpIngestComposition composition = new CdpIngestComposition(WinbackConfig.fromEnvironment(env), clients,
                CdpWriteKeys.fromEnvironment(env, clients), new SqsEventQueue(clients.sqs(), queueUrl), clock);
        SnapStartPriming.register("cdp-ingest", composition.table::prime);
        return composition;
    }

    /** For the local runtime and tests: the events go to {@code queue} (there, the ingestion itself). */
    public CdpIngestComposition(WinbackConfig config, AwsClients clients, CdpWriteKeys writeKeys, EventQueue queue,
                                Clock clock) {
        this.table = new EngagementTable(config, clients, clock, NO_KEYS);
        IngestCdpMessages messages = new IngestCdpMessages(
                new DynamoDbCustomerLinks(clients.dynamoDb(), config.tableName(), table.meter()), table.store(), queue,
                IngestConfig.arrivalWindow(System.getenv()), new JulWarnings(IngestCdpMessages.class), clock);
        this.route = new CdpRoute(writeKeys, messages, new RejectedEvents(clients.dynamoDb(), config.tableName()), clock);
    }

    CdpRoute route() {
        return route;
    }

    /** The route keys served, as API Gateway names them. */
    public Set<String> routeKeys() {
        return Set.of(CdpRoute.ROUTE_KEY);
    }
}
