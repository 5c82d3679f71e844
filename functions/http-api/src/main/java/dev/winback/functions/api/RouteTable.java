package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;

import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One function's routes by API Gateway route key, with the answers they share: 404 for a route the
 * function does not serve, and a logged 500 that names nothing internal for an unexpected failure.
 */
public final class RouteTable {

    private static final Logger LOG = Logger.getLogger(RouteTable.class.getName());

    private final Map<String, Route> routes;

    RouteTable(Map<String, Route> routes) {
        this.routes = Map.copyOf(routes);
    }

    /** The route keys served, such as {@code GET /u/{token}}. */
    public Set<String> routeKeys() {
        return routes.keySet();
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        Route route = request.getRouteKey() == null ? null : routes.get(request.getRouteKey());
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
