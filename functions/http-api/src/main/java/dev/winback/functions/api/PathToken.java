package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;

/** The token in a signed-link route's path ({@code /u/{token}}, {@code /k/{token}}, {@code /p/{token}}). */
final class PathToken {

    private PathToken() {
    }

    /** The token as it appears in the path, or null. */
    static String raw(APIGatewayV2HTTPEvent request) {
        Map<String, String> path = request.getPathParameters() == null ? Map.of() : request.getPathParameters();
        return path.get("token");
    }
}
