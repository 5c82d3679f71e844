package dev.winback.functions.links;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.observe.Observed;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.functions.api.RouteTable;

import java.time.Clock;

/**
 * The signed links in messages ({@code /u/{token}}, {@code /p/{token}}...), anonymous and open to
 * the internet, in a function of their own: it may only read and write the table and read the link
 * key, and its reserved concurrency and the API's route throttling bound what a flood can cost.
 */
public final class PublicLinksHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Observed observed = Observed.fromEnvironment(System.getenv());
    private final RouteTable routes;

    public PublicLinksHandler() {
        this(PublicLinksComposition.fromEnvironment());
    }

    public PublicLinksHandler(PublicLinksComposition composition) {
        this.routes = composition.routes();
    }

    public PublicLinksHandler(WinbackConfig config, AwsClients clients, LinkConfig links, Clock clock) {
        this(new PublicLinksComposition(config, clients, links, clock));
    }

    /** For the local runtime and tests: links signed with the local development secret. */
    public static PublicLinksHandler local(WinbackConfig config, AwsClients clients, Clock clock) {
        return new PublicLinksHandler(PublicLinksComposition.local(config, clients, clock));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return observed.api(request, context, () -> routes.handle(request));
    }
}
