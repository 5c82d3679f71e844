package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.adapters.http.HttpResponses;

import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The HTTP API: dispatches each API Gateway route to the route object that serves it. */
public final class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = Logger.getLogger(HttpApiHandler.class.getName());

    private final Map<String, Route> routes;

    public HttpApiHandler() {
        this(WinbackConfig.fromEnvironment(System.getenv()), new AwsClients(), Clock.systemUTC());
    }

    public HttpApiHandler(WinbackConfig config, AwsClients clients, Clock clock) {
        EngagementServices services = new EngagementServices(config, clients, clock);
        this.routes = Map.of(
                "POST /v1/events", new PostEventsRoute(services.intake()),
                "GET /v1/customers/{customerId}", new GetCustomerRoute(services.store(), services.evaluationPolicy(),
                        services.purchaseModels()),
                "GET /v1/customers/{customerId}/inbox", new GetInboxRoute(new DynamoDbInbox(clients.dynamoDb(),
                        config.tableName(), services.meter(), clock, DynamoDbInbox.DEFAULT_TTL)));
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
