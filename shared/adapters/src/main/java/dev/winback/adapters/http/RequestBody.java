package dev.winback.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A request's body as text (API Gateway may have base64-encoded it), refused when too large. */
public final class RequestBody {

    public sealed interface Read {
        record Text(String body) implements Read {
        }

        /** The problem response to answer with: 400 for bad base64, 413 for too large. */
        record Refused(APIGatewayV2HTTPResponse response) implements Read {
        }
    }

    private RequestBody() {
    }

    /** @param tooLarge what the 413 says, after the limit */
    public static Read text(APIGatewayV2HTTPEvent request, int maxBytes, String tooLarge) {
        String body = request.getBody() == null ? "" : request.getBody();
        if (request.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Read.Refused(HttpResponses.problem(400, "Bad Request", "the body is not valid base64"));
            }
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return new Read.Refused(HttpResponses.problem(413, "Content Too Large",
                    "the body exceeds " + maxBytes + " bytes" + tooLarge));
        }
        return new Read.Text(body);
    }
}
