package dev.winback.functions.cdp;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** The user name of an HTTP Basic Authorization header: where Segment puts a source's write key (password empty). */
final class BasicAuth {

    private BasicAuth() {
    }

    static Optional<String> userName(APIGatewayV2HTTPEvent request) {
        Map<String, String> headers = request.getHeaders();
        if (headers == null) return Optional.empty();
        String value = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if ("authorization".equalsIgnoreCase(header.getKey())) value = header.getValue();
        }
        if (value == null || !value.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
    }
}
