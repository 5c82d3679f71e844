package dev.winback.functions.cdp;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * {@code POST /v1/cdp/{source}}: Segment and RudderStack messages, authenticated by the source's
 * write key rather than IAM, in a function of its own that can only read its write keys, read and
 * write links of anonymous customers, and send to the ingest queue.
 */
public final class CdpIngestHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CdpRoute route;

    public CdpIngestHandler() {
        this(CdpIngestComposition.fromEnvironment());
    }

    public CdpIngestHandler(CdpIngestComposition composition) {
        this.route = composition.route();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return route.handle(request);
    }
}
