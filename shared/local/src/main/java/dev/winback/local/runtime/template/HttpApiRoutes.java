package dev.winback.local.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads the HTTP API routes from the template: every function event of Type HttpApi. */
public final class HttpApiRoutes {

    private HttpApiRoutes() {
    }

    /** Every route, most specific first (the order in which a request is tried). */
    public static List<HttpRoute> from(SamTemplate template) {
        List<HttpRoute> routes = new ArrayList<>();
        template.resourcesOfType(SamTemplate.SERVERLESS_FUNCTION).forEach((functionId, function) ->
                function.path("Properties").path("Events").properties().forEach(event -> {
                    JsonNode definition = event.getValue();
                    if (!"HttpApi".equals(definition.path("Type").asText())) {
                        return;
                    }
                    String where = functionId + ".Events." + event.getKey() + ".Properties";
                    JsonNode properties = definition.path("Properties");
                    // SAM: an HttpApi event with neither Path nor Method is the $default route.
                    if (properties.path("Path").isMissingNode() && properties.path("Method").isMissingNode()) {
                        routes.add(new HttpRoute(HttpRoute.ANY, HttpRoute.DEFAULT_ROUTE, functionId));
                        return;
                    }
                    routes.add(new HttpRoute(
                            Literals.text(properties.path("Method"), where + ".Method"),
                            Literals.text(properties.path("Path"), where + ".Path"),
                            functionId));
                }));
        routes.sort(HttpRoute::mostSpecificFirst);
        return List.copyOf(routes);
    }
}
