package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.DynamoDbCustomerData;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.privacy.EraseCustomer;
import dev.winback.core.privacy.ExportCustomer;

import java.time.Clock;
import java.util.Map;

/**
 * The HTTP API's operator routes (SigV4-signed): dispatches each API Gateway route to the route
 * object that serves it. The anonymous signed-link routes run in their own function ({@link LinkRoutes}).
 */
public final class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final RouteTable routes;

    public HttpApiHandler() {
        this(WinbackConfig.fromEnvironment(System.getenv()), new AwsClients(), Clock.systemUTC());
    }

    public HttpApiHandler(WinbackConfig config, AwsClients clients, Clock clock) {
        this(new EngagementServices(config, clients, clock), config, clients, clock);
    }

    /** With the given key ring for contact hashes (erasure's tombstones), as after a key rotation. */
    public HttpApiHandler(WinbackConfig config, AwsClients clients, KeyMaterial keys, Clock clock) {
        this(new EngagementServices(config, clients, clock, keys), config, clients, clock);
    }

    private HttpApiHandler(EngagementServices services, WinbackConfig config, AwsClients clients, Clock clock) {
        DynamoDbCustomerData data = new DynamoDbCustomerData(clients.dynamoDb(), config.tableName(),
                services.contacts());
        PreferencesJsonRoute preferencesAdmin = PreferencesJsonRoute.forAdmin(PreferenceUseCases.of(services, clock));
        this.routes = new RouteTable(Map.ofEntries(
                Map.entry("POST /v1/events", new PostEventsRoute(services.intake())),
                Map.entry("GET /v1/customers/{customerId}", new GetCustomerRoute(services.store(),
                        services.evaluationPolicy(), services.purchaseModels())),
                Map.entry("GET /v1/customers/{customerId}/inbox", new GetInboxRoute(new DynamoDbInbox(
                        clients.dynamoDb(), config.tableName(), services.meter(), clock, DynamoDbInbox.DEFAULT_TTL))),
                Map.entry(PreferencesJsonRoute.ADMIN_GET, preferencesAdmin),
                Map.entry(PreferencesJsonRoute.ADMIN_PUT, preferencesAdmin),
                Map.entry(PrivacyRoutes.EXPORT, PrivacyRoutes.export(new ExportCustomer(data, clock))),
                Map.entry(PrivacyRoutes.ERASE,
                        PrivacyRoutes.erase(new EraseCustomer(data, services.contacts().hashes(), clock))),
                Map.entry("GET /v1/customers/{customerId}/messages", new GetMessagesRoute(services.messageLedger()))));
    }

    /** For the local runtime and tests; the same as the constructor, named for what it is. */
    public static HttpApiHandler local(WinbackConfig config, AwsClients clients, Clock clock) {
        return new HttpApiHandler(config, clients, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return routes.handle(request);
    }
}
