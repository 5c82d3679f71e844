package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** One API route. */
interface Route {
    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request);

    /** The request's HTTP method, else the one its route key names (GET when neither says). */
    static String method(APIGatewayV2HTTPEvent request) {
        if (request.getRequestContext() != null && request.getRequestContext().getHttp() != null
                && request.getRequestContext().getHttp().getMethod() != null) {
            return request.getRequestContext().getHttp().getMethod();
        }
        String key = request.getRouteKey() == null ? "" : request.getRouteKey();
        return key.startsWith("POST ") ? "POST" : "GET";
    }
}
