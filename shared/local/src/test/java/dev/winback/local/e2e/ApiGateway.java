package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.functions.api.HttpApiHandler;
import dev.winback.functions.links.PublicLinksHandler;
import dev.winback.local.runtime.template.HttpApiRoutes;
import dev.winback.local.runtime.template.HttpRoute;
import dev.winback.local.runtime.template.SamTemplate;

import java.time.Clock;
import java.util.Map;

/**
 * The HTTP API as API Gateway routes it: each request goes to the function template.yaml gives its
 * route key, the operator routes to the HTTP API function and the signed links to their own.
 */
final class ApiGateway {

    private final HttpApiHandler api;
    private final PublicLinksHandler links;
    private final Map<String, String> functionByRouteKey;

    ApiGateway(WinbackConfig config, AwsClients clients, LinkConfig linkConfig, Clock clock) {
        // Both functions read the same secret: one key ring for links and contact hashes.
        this.api = new HttpApiHandler(config, clients, linkConfig.keys(), clock);
        this.links = new PublicLinksHandler(config, clients, linkConfig, clock);
        SamTemplate template = SamTemplate.read(IngestFixture.templatePath());
        this.functionByRouteKey = HttpApiRoutes.from(template).stream()
                .collect(java.util.stream.Collectors.toMap(HttpRoute::routeKey, HttpRoute::functionId));
    }

    APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        String function = functionByRouteKey.get(request.getRouteKey());
        if (function == null) throw new IllegalArgumentException("template.yaml has no route " + request.getRouteKey());
        return switch (function) {
            case "HttpApiFunction" -> api.handleRequest(request, context);
            case "PublicLinksFunction" -> links.handleRequest(request, context);
            default -> throw new IllegalArgumentException("no handler for " + function);
        };
    }
}
