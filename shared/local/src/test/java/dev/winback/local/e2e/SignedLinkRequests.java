package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;

/** API Gateway requests on the signed-link routes ({@code /u/{token}}, {@code /p/{token}}...), as a browser sends them. */
final class SignedLinkRequests {

    static final String SOURCE_IP = "192.0.2.44";

    private SignedLinkRequests() {
    }

    /** @param path the route's path with its {@code {token}} parameter, e.g. {@code /p/{token}/json} */
    static APIGatewayV2HTTPEvent request(String method, String path, String token, String contentType, String body,
                                         boolean base64) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(method + " " + path);
        event.setRawPath(path.replace("{token}", token));
        event.setPathParameters(Map.of("token", token));
        event.setHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType));
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                        .withSourceIp(SOURCE_IP).build()).build());
        return event;
    }
}
