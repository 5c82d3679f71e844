package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.privacy.CustomerData;

import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The HTTP API: dispatches each API Gateway route to the route object that serves it. */
public final class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = Logger.getLogger(HttpApiHandler.class.getName());

    private final Map<String, Route> routes;

    public HttpApiHandler() {
        this(WinbackConfig.fromEnvironment(System.getenv()), new AwsClients());
    }

    private HttpApiHandler(WinbackConfig config, AwsClients clients) {
        this(config, clients, LinkConfig.fromEnvironment(System.getenv(), clients), Clock.systemUTC());
    }

    /** For the local runtime and tests: links signed with the local development secret. */
    public HttpApiHandler(WinbackConfig config, AwsClients clients, Clock clock) {
        this(config, clients, LinkConfig.localDevelopment(null), clock);
    }

    /** The same as {@link #HttpApiHandler(WinbackConfig, AwsClients, Clock)}, named for what it is. */
    public static HttpApiHandler local(WinbackConfig config, AwsClients clients, Clock clock) {
        return new HttpApiHandler(config, clients, clock);
    }

    public HttpApiHandler(WinbackConfig config, AwsClients clients, LinkConfig links, Clock clock) {
        // One key ring for the links it checks and the contact hashes it writes and looks up.
        EngagementServices services = new EngagementServices(config, clients, clock, links.keys());
        UnsubscribeRoute unsubscribe = new UnsubscribeRoute(links.tokens(), services.intake(), clock);
        CustomerData data = new CustomerData(clients.dynamoDb(), config.tableName(), services.contacts());
        PreferenceLink preferenceLink = new PreferenceLink(links.tokens(), clock);
        PreferenceCentre preferences = new PreferenceCentre(services.store()::find, services.intake(),
                services.deliveryPolicy(), clock);
        PreferencePageRoute preferencePage = new PreferencePageRoute(preferenceLink, preferences, clock);
        PreferencesJsonRoute preferencesJson = PreferencesJsonRoute.forLink(preferenceLink, preferences);
        PreferencesJsonRoute preferencesAdmin = PreferencesJsonRoute.forAdmin(preferences);
        this.routes = Map.ofEntries(
                Map.entry("POST /v1/events", new PostEventsRoute(services.intake())),
                Map.entry("GET /v1/customers/{customerId}", new GetCustomerRoute(services.store(),
                        services.evaluationPolicy(), services.purchaseModels())),
                Map.entry("GET /v1/customers/{customerId}/inbox", new GetInboxRoute(new DynamoDbInbox(
                        clients.dynamoDb(), config.tableName(), services.meter(), clock, DynamoDbInbox.DEFAULT_TTL))),
                Map.entry(UnsubscribeRoute.GET, unsubscribe),
                Map.entry(UnsubscribeRoute.POST, unsubscribe),
                Map.entry(PreferencePageRoute.GET, preferencePage),
                Map.entry(PreferencePageRoute.POST, preferencePage),
                Map.entry(PreferencesJsonRoute.LINK_GET, preferencesJson),
                Map.entry(PreferencesJsonRoute.LINK_PUT, preferencesJson),
                Map.entry(PreferencesJsonRoute.ADMIN_GET, preferencesAdmin),
                Map.entry(PreferencesJsonRoute.ADMIN_PUT, preferencesAdmin),
                Map.entry(PrivacyRoutes.EXPORT, PrivacyRoutes.export(data, clock)),
                Map.entry(PrivacyRoutes.ERASE, PrivacyRoutes.erase(data, clock)),
                Map.entry("GET /v1/customers/{customerId}/messages", new GetMessagesRoute(services.messageLedger())));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        Route route = routes.get(request.getRouteKey());
        if (route == null) {
            return HttpResponses.problem(404, "Not Found", "no such route");
        }
        try {
            return route.handle(request);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure on " + request.getRouteKey(), e);
            return HttpResponses.problem(500, "Internal Server Error", "the request could not be completed; retry later");
        }
    }
}
