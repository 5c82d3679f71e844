package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.observe.Observed;
import dev.winback.core.guardrail.GuardrailEvents;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.links.KeyMaterial;

import java.time.Clock;

/**
 * The HTTP API's operator routes (SigV4-signed): dispatches each API Gateway route to the route
 * object that serves it. The anonymous signed-link routes run in their own function ({@link LinkRoutes}).
 */
public final class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final RouteTable routes;
    private final Observed observed;

    public HttpApiHandler() {
        this(HttpApiComposition.fromEnvironment());
    }

    public HttpApiHandler(HttpApiComposition composition) {
        this.routes = composition.routes();
        this.observed = composition.observed();
    }

    public HttpApiHandler(WinbackConfig config, AwsClients clients, Clock clock) {
        this(new HttpApiComposition(config, clients, clock));
    }

    /** With the given key ring for contact hashes (erasure's tombstones), as after a key rotation. */
    public HttpApiHandler(WinbackConfig config, AwsClients clients, KeyMaterial keys, Clock clock) {
        this(new HttpApiComposition(config, clients, keys, clock));
    }

    /** For the local runtime and tests; the same as the constructor, named for what it is. */
    public static HttpApiHandler local(WinbackConfig config, AwsClients clients, Clock clock) {
        return new HttpApiHandler(config, clients, clock);
    }

    /** For the local runtime: journey messages due at once go to its in-process delivery. */
    public static HttpApiHandler local(WinbackConfig config, AwsClients clients, MessageRequests journeyMessages,
                                       Clock clock) {
        return new HttpApiHandler(new HttpApiComposition(config, clients, journeyMessages, clock));
    }

    /** For the local runtime: resumptions of paused units are told to {@code guardrailEvents}. */
    public static HttpApiHandler local(WinbackConfig config, AwsClients clients, MessageRequests journeyMessages,
                                       GuardrailEvents guardrailEvents, Clock clock) {
        return new HttpApiHandler(new HttpApiComposition(config, clients, journeyMessages, guardrailEvents, clock));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return observed.api(request, context, () -> routes.handle(request));
    }
}
