package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Requests a function answers through its own route table before a SnapStart snapshot, so that the
 * first real request finds the routes' code loaded and run. Each request is answered by reads of
 * keys no one has, or refused before anything is stored: priming writes nothing and keeps nothing.
 */
final class RoutePriming {

    /** Far beyond any arrival window: the events route parses and checks it, then refuses it unapplied. */
    static final String REFUSED_EVENTS_BODY = "{\"events\":[{\"eventId\":\"snapstart-priming\","
            + "\"customerId\":\"snapstart-priming\",\"type\":\"session_started\","
            + "\"occurredAt\":\"2999-01-01T00:00:00Z\",\"properties\":{\"platform\":\"app\"}}]}";
    /** Not a token at all: the link routes refuse it before any key or record is read. */
    static final String NOT_A_TOKEN = "snapstart-priming";

    private RoutePriming() {
    }

    /**
     * A customer id valid by the contract's rules (the routes check it before reading) that no
     * customer has: fresh for each priming, so a second snapshot never meets the first one's.
     */
    static String unknownCustomer() {
        return "snapstart-priming-" + UUID.randomUUID();
    }

    /** A request as API Gateway sends it to {@code routeKey} ({@code "GET /v1/customers/{customerId}"}). */
    static APIGatewayV2HTTPEvent request(String routeKey, Map<String, String> pathParameters, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString("")
                .withHeaders(Map.of("content-type", "application/json", "accept", "application/json"))
                .withPathParameters(pathParameters).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("192.0.2.1").withUserAgent("snapstart-priming")
                                .build())
                        .build())
                .build();
    }

    /** Each request through {@code routes}, as the handler sends it; the answers are dropped. */
    static void prime(RouteTable routes, List<APIGatewayV2HTTPEvent> requests) {
        for (APIGatewayV2HTTPEvent request : requests) routes.handle(request);
    }
}
